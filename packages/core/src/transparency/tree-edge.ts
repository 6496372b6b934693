import { fromBase64, toBase64 } from "./bytes";
import { emptyRoot, HASH_SIZE, type Hash, nodeHashSync } from "./hash";
import { TILE_HEIGHT } from "./tiles";

/**
 * The right edge of a tree: its size and the roots of its perfect subtrees, largest (leftmost)
 * first (one per set bit of `size`). Enough to append leaves and compute the root.
 */
export interface TreeEdge {
  size: number;
  hashes: Hash[];
}

/** A node of the tree at a tree level that tiles store (0, 8, 16, ...). */
export interface TileNode {
  /** Tree level: 0 for leaf hashes, 8, 16, ... above. */
  level: number;
  /** Index among the nodes of that level, left to right. */
  index: number;
  hash: Hash;
}

/** The edge of the empty tree. */
export function emptyEdge(): TreeEdge {
  return { size: 0, hashes: [] };
}

const bit = (n: number, level: number) => Math.floor(n / 2 ** level) % 2 === 1;

/**
 * Appends leaf hashes to a tree. Returns the new edge and every node completed on the way whose
 * tree level is a multiple of 8 (the leaves themselves, then level 8, 16, ...): exactly the
 * hashes tiles are made of (tile level `level / 8`, index `floor(index / 256)`).
 * @example const { edge, nodes } = await appendLeaves(emptyEdge(), [await leafHash(entry)]);
 */
export async function appendLeaves(
  edge: TreeEdge,
  leafHashes: readonly Hash[],
): Promise<{ edge: TreeEdge; nodes: TileNode[] }> {
  const hashes = [...edge.hashes];
  const nodes: TileNode[] = [];
  let size = edge.size;
  for (const leaf of leafHashes) {
    if (leaf.length !== HASH_SIZE) throw new TypeError("a leaf hash must be 32 bytes");
    let hash = leaf;
    let level = 0;
    nodes.push({ level: 0, index: size, hash });
    // Each set low bit of the old size is a perfect subtree the new leaf now completes a pair with.
    while (bit(size, level)) {
      const left = hashes.pop();
      if (!left) throw new Error("tree edge does not match its size");
      hash = nodeHashSync(left, hash);
      level++;
      if (level % TILE_HEIGHT === 0) {
        nodes.push({ level, index: Math.floor((size + 1) / 2 ** level) - 1, hash });
      }
    }
    hashes.push(hash);
    size++;
  }
  return { edge: { size, hashes }, nodes };
}

/**
 * The tree's root hash (RFC 6962 MTH), folded from its edge right to left.
 * @example const root = await edgeRoot(edge);
 */
export async function edgeRoot(edge: TreeEdge): Promise<Hash> {
  let root = edge.hashes[edge.hashes.length - 1];
  if (!root) return emptyRoot();
  for (let i = edge.hashes.length - 2; i >= 0; i--) {
    root = nodeHashSync(edge.hashes[i] as Hash, root);
  }
  return root;
}

function popCount(n: number): number {
  let count = 0;
  for (let rest = n; rest > 0; rest = Math.floor(rest / 2)) count += rest % 2;
  return count;
}

/**
 * The edge as compact base64 for storage: the size as 8 bytes big-endian, then the hashes.
 * @example await db.update(logs).set({ edge: encodeEdge(edge) });
 */
export function encodeEdge(edge: TreeEdge): string {
  const bytes = new Uint8Array(8 + edge.hashes.length * HASH_SIZE);
  new DataView(bytes.buffer).setBigUint64(0, BigInt(edge.size));
  for (const [i, h] of edge.hashes.entries()) bytes.set(h, 8 + i * HASH_SIZE);
  return toBase64(bytes);
}

/**
 * Reads an edge written by {@link encodeEdge}; throws when it is malformed (wrong length, or a
 * hash count that does not match the size).
 */
export function decodeEdge(encoded: string): TreeEdge {
  const bytes = fromBase64(encoded);
  if (!bytes || bytes.length < 8 || (bytes.length - 8) % HASH_SIZE !== 0) {
    throw new TypeError("malformed tree edge");
  }
  const size = Number(new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(0));
  const count = (bytes.length - 8) / HASH_SIZE;
  if (!Number.isSafeInteger(size) || popCount(size) !== count) {
    throw new TypeError("malformed tree edge: hash count does not match size");
  }
  const hashes: Hash[] = [];
  for (let i = 0; i < count; i++)
    hashes.push(bytes.slice(8 + i * HASH_SIZE, 8 + (i + 1) * HASH_SIZE));
  return { size, hashes };
}
