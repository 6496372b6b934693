import { sha256Sync } from "./sha256";

/** A SHA-256 Merkle tree hash: 32 bytes. */
export type Hash = Uint8Array;

/** Bytes in a {@link Hash}. */
export const HASH_SIZE = 32;

const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

/**
 * RFC 6962 §2.1 leaf hash: `SHA-256(0x00 || entry)`.
 * @example const h = await leafHash(receiptEntry(receipt.proof.digest));
 */
export async function leafHash(entry: Uint8Array): Promise<Hash> {
  return leafHashSync(entry);
}

/** {@link leafHash}, synchronously. */
export function leafHashSync(entry: Uint8Array): Hash {
  return sha256Sync(LEAF_PREFIX, entry);
}

/**
 * RFC 6962 §2.1 interior node hash: `SHA-256(0x01 || left || right)`.
 * @example const parent = await nodeHash(left, right);
 */
export async function nodeHash(left: Hash, right: Hash): Promise<Hash> {
  return nodeHashSync(left, right);
}

/** {@link nodeHash}, synchronously. */
export function nodeHashSync(left: Hash, right: Hash): Hash {
  return sha256Sync(NODE_PREFIX, left, right);
}

/**
 * The root of the empty tree: `SHA-256("")`.
 * @example const root = await emptyRoot(); // e3b0c442...
 */
export async function emptyRoot(): Promise<Hash> {
  return sha256Sync();
}

/** Whether `n` is a power of two (1, 2, 4, ...). */
export function isPowerOfTwo(n: number): boolean {
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}

/** The largest power of two strictly below `n` (`n` ≥ 2): where RFC 6962 splits a tree. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
