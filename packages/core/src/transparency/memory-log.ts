import { encodeEntryBundle } from "./entry-bundle";
import { type Hash, leafHash } from "./hash";
import type { ReadTile } from "./tile-proofs";
import type { Tile } from "./tiles";
import { TILE_HEIGHT, TILE_WIDTH, tilePath } from "./tiles";
import { appendLeaves, edgeRoot, emptyEdge, type TileNode, type TreeEdge } from "./tree-edge";

/** A log held in memory: what a store keeps (edge, tile nodes, entries), for tests and tools. */
export interface MemoryLog {
  readonly size: number;
  readonly edge: TreeEdge;
  /** Appends entries; returns the tile nodes the append completed. */
  append(entries: readonly Uint8Array[]): Promise<TileNode[]>;
  root(): Promise<Hash>;
  entry(index: number): Uint8Array;
  /** Any tile of the log at any width it has reached, entry bundles included. */
  readTile: ReadTile;
}

/**
 * An in-memory log built with {@link appendLeaves}: the reference for how a store turns the
 * nodes it keeps into tiles (a hash tile is the concatenation of its level's nodes).
 * @example const log = memoryLog(); await log.append([receiptEntry(d)]); await log.root();
 */
export function memoryLog(): MemoryLog {
  let edge = emptyEdge();
  const levels: Hash[][] = [];
  const entries: Uint8Array[] = [];

  async function readTile(tile: Tile): Promise<Uint8Array> {
    const start = tile.index * TILE_WIDTH;
    if (tile.level === "entries") {
      if (start + tile.width > entries.length) throw new Error(`no tile ${tilePath(tile)}`);
      return encodeEntryBundle(entries.slice(start, start + tile.width));
    }
    const row = levels[tile.level * TILE_HEIGHT] ?? [];
    if (start + tile.width > row.length) throw new Error(`no tile ${tilePath(tile)}`);
    const out = new Uint8Array(tile.width * 32);
    for (let i = 0; i < tile.width; i++) out.set(row[start + i] as Hash, i * 32);
    return out;
  }

  return {
    get size() {
      return edge.size;
    },
    get edge() {
      return edge;
    },
    async append(more) {
      const leaves = await Promise.all(more.map((e) => leafHash(e)));
      const result = await appendLeaves(edge, leaves);
      for (const node of result.nodes) {
        const row = levels[node.level] ?? [];
        levels[node.level] = row;
        if (node.index !== row.length) throw new Error("nodes arrived out of order");
        row.push(node.hash);
      }
      for (const e of more) entries.push(e);
      edge = result.edge;
      return result.nodes;
    },
    root: () => edgeRoot(edge),
    entry(index) {
      const e = entries[index];
      if (!e) throw new RangeError(`no entry ${index}`);
      return e;
    },
    readTile,
  };
}
