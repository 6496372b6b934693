import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { configEntry } from "./entries";
import { emptyRoot, type Hash, leafHash, nodeHash, splitPoint } from "./hash";
import { type MemoryLog, memoryLog } from "./memory-log";
import { proveConsistency, proveInclusion, treeRoot } from "./tile-proofs";
import {
  appendLeaves,
  decodeEdge,
  edgeRoot,
  emptyEdge,
  encodeEdge,
  type TileNode,
} from "./tree-edge";
import { verifyConsistency, verifyInclusion } from "./verify-proofs";

const SIZE = 700;
let log: MemoryLog;
let leaves: Hash[];

/** MTH straight from RFC 6962 §2.1, over leaf hashes: the reference the tiles must agree with. */
async function mth(hashes: Hash[]): Promise<Hash> {
  if (hashes.length === 0) return emptyRoot();
  if (hashes.length === 1) return hashes[0] as Hash;
  const k = splitPoint(hashes.length);
  return nodeHash(await mth(hashes.slice(0, k)), await mth(hashes.slice(k)));
}

function flip(hash: Hash, bit: number): Hash {
  const out = Uint8Array.from(hash);
  out[bit >> 3] = (out[bit >> 3] as number) ^ (1 << (bit & 7));
  return out;
}

beforeAll(async () => {
  log = memoryLog();
  const entries = Array.from({ length: SIZE }, (_, i) =>
    configEntry(i.toString(16).padStart(64, "0")),
  );
  await log.append(entries);
  leaves = await Promise.all(entries.map((e) => leafHash(e)));
});

const sizeAndIndex = fc
  .integer({ min: 1, max: SIZE })
  .chain((size) => fc.tuple(fc.constant(size), fc.integer({ min: 0, max: size - 1 })));

describe("proofs from tiles (property)", () => {
  it("every tree root from tiles equals the RFC 6962 definition", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: SIZE }), async (size) => {
        expect(await treeRoot(size, log.readTile)).toEqual(await mth(leaves.slice(0, size)));
      }),
      { numRuns: 40 },
    );
  }, 30_000);

  it("every inclusion proof verifies, and fails with one bit flipped", async () => {
    await fc.assert(
      fc.asyncProperty(sizeAndIndex, fc.nat(), async ([size, index], pick) => {
        const root = await treeRoot(size, log.readTile);
        const proof = await proveInclusion(size, index, log.readTile);
        const leaf = leaves[index] as Hash;
        expect(await verifyInclusion(leaf, index, size, proof, root)).toBe(true);
        const bit = pick % 256;
        expect(await verifyInclusion(flip(leaf, bit), index, size, proof, root)).toBe(false);
        expect(await verifyInclusion(leaf, index, size, proof, flip(root, bit))).toBe(false);
        if (proof.length > 0) {
          const i = pick % proof.length;
          const bad = proof.map((p, j) => (j === i ? flip(p, bit) : p));
          expect(await verifyInclusion(leaf, index, size, bad, root)).toBe(false);
          expect(await verifyInclusion(leaf, index, size, proof.slice(1), root)).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  }, 30_000);

  it("every consistency proof verifies, and fails with one bit flipped", async () => {
    await fc.assert(
      fc.asyncProperty(sizeAndIndex, fc.nat(), async ([newSize, oldSize], pick) => {
        const oldRoot = await treeRoot(oldSize, log.readTile);
        const newRoot = await treeRoot(newSize, log.readTile);
        const proof = await proveConsistency(oldSize, newSize, log.readTile);
        expect(await verifyConsistency(oldSize, newSize, oldRoot, newRoot, proof)).toBe(true);
        const bit = pick % 256;
        expect(await verifyConsistency(oldSize, newSize, flip(oldRoot, bit), newRoot, proof)).toBe(
          false,
        );
        // Every tree is consistent with the empty one, whatever its root.
        expect(await verifyConsistency(oldSize, newSize, oldRoot, flip(newRoot, bit), proof)).toBe(
          oldSize === 0,
        );
        if (proof.length > 0) {
          const i = pick % proof.length;
          const bad = proof.map((p, j) => (j === i ? flip(p, bit) : p));
          expect(await verifyConsistency(oldSize, newSize, oldRoot, newRoot, bad)).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  }, 30_000);
});

describe("appending (property)", () => {
  it("gives the same edge and tile nodes however the leaves are batched", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 120 }), { minLength: 1, maxLength: 8 }),
        async (batches) => {
          const total = Math.min(
            SIZE,
            batches.reduce((a, b) => a + b, 0),
          );
          const whole = await appendLeaves(emptyEdge(), leaves.slice(0, total));
          let edge = emptyEdge();
          const nodes: TileNode[] = [];
          let at = 0;
          for (const n of batches) {
            const next = await appendLeaves(edge, leaves.slice(at, Math.min(total, at + n)));
            edge = next.edge;
            nodes.push(...next.nodes);
            at = Math.min(total, at + n);
          }
          expect(decodeEdge(encodeEdge(edge))).toEqual(whole.edge);
          expect(nodes).toEqual(whole.nodes);
          expect(await edgeRoot(edge)).toEqual(await treeRoot(total, log.readTile));
        },
      ),
      { numRuns: 30 },
    );
  }, 30_000);
});
