import { emptyRoot, HASH_SIZE, type Hash, isPowerOfTwo, nodeHashSync, splitPoint } from "./hash";
import { TILE_HEIGHT, TILE_WIDTH, type Tile, tilePath, tileWidth } from "./tiles";

/**
 * Reads a hash tile's bytes (from the database, a directory, a mirror over HTTP...). It may
 * answer with a wider tile than asked (a full tile for a partial one): only the first
 * `tile.width` hashes are used.
 */
export type ReadTile = (tile: Tile) => Promise<Uint8Array>;

/** Hashes of a tree of `size` leaves, read from its tiles (each tile read once). */
function tileHashes(size: number, readTile: ReadTile) {
  const tiles = new Map<string, Promise<Uint8Array>>();

  async function tileData(tile: Tile): Promise<Uint8Array> {
    const key = tilePath(tile);
    let data = tiles.get(key);
    if (!data) {
      data = readTile(tile).then((bytes) => {
        if (bytes.length < tile.width * HASH_SIZE || bytes.length % HASH_SIZE !== 0) {
          throw new Error(`tile ${key} is ${bytes.length} bytes, expected ${tile.width * 32}`);
        }
        return bytes;
      });
      tiles.set(key, data);
    }
    return data;
  }

  /** The root of the perfect subtree at tree `level`, `index` (it must be complete). */
  async function perfect(level: number, index: number): Promise<Hash> {
    const tileLevel = Math.floor(level / TILE_HEIGHT);
    const below = level - tileLevel * TILE_HEIGHT;
    const first = index * 2 ** below;
    const count = 2 ** below;
    const tileIndex = Math.floor(first / TILE_WIDTH);
    const width = tileWidth(size, tileLevel, tileIndex);
    const offset = first - tileIndex * TILE_WIDTH;
    if (offset + count > width) throw new RangeError("node is not in the tree");
    const data = await tileData({ level: tileLevel, index: tileIndex, width });
    let row: Hash[] = [];
    for (let i = offset; i < offset + count; i++) {
      row.push(data.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE));
    }
    while (row.length > 1) {
      const next: Hash[] = [];
      for (let i = 0; i < row.length; i += 2) {
        next.push(nodeHashSync(row[i] as Hash, row[i + 1] as Hash));
      }
      row = next;
    }
    return Uint8Array.from(row[0] as Hash);
  }

  /** MTH(D[start:end]) (RFC 6962 §2.1) of a range the recursion produces. */
  async function range(start: number, end: number): Promise<Hash> {
    const n = end - start;
    if (isPowerOfTwo(n) && start % n === 0) return perfect(Math.log2(n), start / n);
    const k = splitPoint(n);
    const [left, right] = await Promise.all([range(start, start + k), range(start + k, end)]);
    return nodeHashSync(left, right);
  }

  return { range };
}

function checkSize(size: number, what: string): void {
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`${what} must be a tree size`);
}

/**
 * The root hash of the tree of `size` leaves, from its tiles.
 * @example const root = await treeRoot(checkpoint.size, readTile);
 */
export function treeRoot(size: number, readTile: ReadTile): Promise<Hash> {
  checkSize(size, "size");
  return size === 0 ? emptyRoot() : tileHashes(size, readTile).range(0, size);
}

/**
 * The inclusion proof of leaf `index` in the tree of `size` leaves (RFC 9162 §2.1.3.1),
 * computed from tiles: the server and an offline mirror give the same proof.
 * @example const proof = await proveInclusion(cp.size, receiptIndex, readTile);
 */
export async function proveInclusion(
  size: number,
  index: number,
  readTile: ReadTile,
): Promise<Hash[]> {
  checkSize(size, "size");
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
    throw new RangeError(`leaf ${index} is not in a tree of ${size}`);
  }
  const { range } = tileHashes(size, readTile);
  const path = async (m: number, start: number, end: number): Promise<Hash[]> => {
    const n = end - start;
    if (n === 1) return [];
    const k = splitPoint(n);
    return m < k
      ? [...(await path(m, start, start + k)), await range(start + k, end)]
      : [...(await path(m - k, start + k, end)), await range(start, start + k)];
  };
  return path(index, 0, size);
}

/**
 * The consistency proof from the tree of `oldSize` leaves to the tree of `newSize`
 * (RFC 9162 §2.1.4.1), computed from the newer tree's tiles. Empty when `oldSize` is 0 or equal.
 * @example const proof = await proveConsistency(kept.size, latest.size, readTile);
 */
export async function proveConsistency(
  oldSize: number,
  newSize: number,
  readTile: ReadTile,
): Promise<Hash[]> {
  checkSize(oldSize, "oldSize");
  checkSize(newSize, "newSize");
  if (oldSize > newSize) throw new RangeError("the old tree is larger than the new one");
  if (oldSize === 0 || oldSize === newSize) return [];
  const { range } = tileHashes(newSize, readTile);
  const subproof = async (
    m: number,
    start: number,
    end: number,
    whole: boolean,
  ): Promise<Hash[]> => {
    const n = end - start;
    if (m === n) return whole ? [] : [await range(start, end)];
    const k = splitPoint(n);
    return m <= k
      ? [...(await subproof(m, start, start + k, whole)), await range(start + k, end)]
      : [...(await subproof(m - k, start + k, end, false)), await range(start, start + k)];
  };
  return subproof(oldSize, 0, newSize, true);
}
