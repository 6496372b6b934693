/** Tree levels per tile: tiles are 8 levels high (C2SP tlog-tiles). */
export const TILE_HEIGHT = 8;
/** Hashes (or entries) in a full tile: 2^8. */
export const TILE_WIDTH = 256;

/**
 * A tile of the log (C2SP tlog-tiles). A hash tile at level `L`, index `N`, width `W` holds the
 * hashes of tree-level `8L` nodes `N*256 .. N*256+W-1`, concatenated (32 bytes each); level
 * `"entries"` is the entry bundle beside level-0 tile `N` (the entries whose leaf hashes it holds).
 * `width` is 256 for a full tile, 1..255 for a partial one.
 */
export interface Tile {
  level: number | "entries";
  index: number;
  width: number;
}

const MAX_LEVEL = 63;

function checkTile(tile: Tile): void {
  const { level, index, width } = tile;
  if (level !== "entries" && !(Number.isInteger(level) && level >= 0 && level <= MAX_LEVEL)) {
    throw new RangeError(`tile level must be 0..${MAX_LEVEL} or "entries"`);
  }
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError("bad tile index");
  if (!Number.isInteger(width) || width < 1 || width > TILE_WIDTH) {
    throw new RangeError(`tile width must be 1..${TILE_WIDTH}`);
  }
}

/** `1234067` → `x001/x234/067`: 3-digit groups, all but the last prefixed with `x`. */
function encodeIndex(index: number): string {
  const groups: string[] = [];
  let rest = index;
  do {
    groups.unshift(String(rest % 1000).padStart(3, "0"));
    rest = Math.floor(rest / 1000);
  } while (rest > 0);
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join("/");
}

/**
 * The tile's path under the log's prefix, e.g. `tile/0/x001/234.p/5` or `tile/entries/000`.
 * @example tilePath({ level: 0, index: 1234, width: 5 }); // "tile/0/x001/234.p/5"
 */
export function tilePath(tile: Tile): string {
  checkTile(tile);
  const partial = tile.width < TILE_WIDTH ? `.p/${tile.width}` : "";
  return `tile/${tile.level}/${encodeIndex(tile.index)}${partial}`;
}

const PATH =
  /^tile\/(entries|0|[1-9][0-9]?)\/((?:x[0-9]{3}\/)*)([0-9]{3})(?:\.p\/([1-9][0-9]{0,2}))?$/;

/**
 * Reads a tile path (relative to the log's prefix). Strict: anything but the canonical form
 * (leading zero groups, level above 63, width 0 or ≥ 256, a trailing slash...) is `null`.
 * @example parseTilePath("tile/1/x001/234"); // { level: 1, index: 1234, width: 256 }
 */
export function parseTilePath(path: string): Tile | null {
  const match = PATH.exec(path);
  if (!match) return null;
  const [, levelText, prefix, last, widthText] = match as unknown as [
    string,
    string,
    string,
    string,
    string | undefined,
  ];
  const groups = [...(prefix.match(/[0-9]{3}/g) ?? []), last];
  if (groups.length > 1 && groups[0] === "000") return null;
  const index = Number(groups.join(""));
  const level = levelText === "entries" ? "entries" : Number(levelText);
  const width = widthText === undefined ? TILE_WIDTH : Number(widthText);
  if (!Number.isSafeInteger(index) || (widthText !== undefined && width >= TILE_WIDTH)) return null;
  if (level !== "entries" && level > MAX_LEVEL) return null;
  return { level, index, width };
}

/** How many tree-level `8 * level` nodes a tree of `size` leaves has complete. */
export function nodesAtTileLevel(size: number, level: number): number {
  return Math.floor(size / TILE_WIDTH ** level);
}

/**
 * The width tile `index` at tile level `level` has in a tree of `size` leaves (0 when the tree
 * has no such tile yet).
 */
export function tileWidth(size: number, level: number, index: number): number {
  const nodes = nodesAtTileLevel(size, level) - index * TILE_WIDTH;
  return Math.max(0, Math.min(TILE_WIDTH, nodes));
}

/**
 * Every tile of a tree of `size` leaves, as a client or mirror would fetch them: level by level,
 * full tiles then the partial one, and (unless `entries: false`) the entry bundles last.
 * @example tilesForSize(70000).filter((t) => t.width < 256); // the partial tiles of levels 0..2
 */
export function tilesForSize(size: number, options: { entries?: boolean } = {}): Tile[] {
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError("bad tree size");
  const tiles: Tile[] = [];
  for (let level = 0; level <= MAX_LEVEL && nodesAtTileLevel(size, level) > 0; level++) {
    tiles.push(...levelTiles(size, level, level));
  }
  if (options.entries !== false) tiles.push(...levelTiles(size, 0, "entries"));
  return tiles;
}

function levelTiles(size: number, level: number, as: Tile["level"]): Tile[] {
  const nodes = nodesAtTileLevel(size, level);
  const tiles: Tile[] = [];
  for (let index = 0; index * TILE_WIDTH < nodes; index++) {
    tiles.push({ level: as, index, width: tileWidth(size, level, index) });
  }
  return tiles;
}

/**
 * The tile (at the widest the tree has) that holds a node at tree level `level` (a multiple of
 * 8), e.g. a node from `appendLeaves`.
 */
export function tileOfNode(size: number, level: number, index: number): Tile {
  if (level % TILE_HEIGHT !== 0) throw new RangeError("tiles hold levels 0, 8, 16, ... only");
  const tileLevel = level / TILE_HEIGHT;
  const tileIndex = Math.floor(index / TILE_WIDTH);
  return { level: tileLevel, index: tileIndex, width: tileWidth(size, tileLevel, tileIndex) };
}
