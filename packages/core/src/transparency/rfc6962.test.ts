import { describe, expect, it } from "vitest";
import { fromHex, toHex } from "./bytes";
import { emptyRoot, type Hash, leafHash } from "./hash";
import { memoryLog } from "./memory-log";
import { proveConsistency, proveInclusion, treeRoot } from "./tile-proofs";
import { appendLeaves, decodeEdge, edgeRoot, emptyEdge, encodeEdge } from "./tree-edge";
import { verifyConsistency, verifyInclusion } from "./verify-proofs";

// RFC 6962 test vectors (certificate-transparency's merkle_tree_test, also in Go's tlog tests):
// the 8 leaves, the roots of every prefix, and the published inclusion and consistency paths.
const LEAVES = [
  "",
  "00",
  "10",
  "2021",
  "3031",
  "40414243",
  "5051525354555657",
  "606162636465666768696a6b6c6d6e6f",
].map((h) => fromHex(h) as Uint8Array);

const ROOTS = [
  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];

const INCLUSION: { index: number; size: number; path: string[] }[] = [
  { index: 0, size: 1, path: [] },
  {
    index: 0,
    size: 8,
    path: [
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ],
  },
  {
    index: 5,
    size: 8,
    path: [
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ],
  },
  { index: 2, size: 3, path: ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"] },
  {
    index: 1,
    size: 5,
    path: [
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
    ],
  },
];

const CONSISTENCY: { oldSize: number; newSize: number; path: string[] }[] = [
  { oldSize: 1, newSize: 1, path: [] },
  {
    oldSize: 1,
    newSize: 8,
    path: [
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ],
  },
  {
    oldSize: 6,
    newSize: 8,
    path: [
      "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ],
  },
  {
    oldSize: 2,
    newSize: 5,
    path: [
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
    ],
  },
];

const hex = (hashes: Hash[]) => hashes.map(toHex);
const unhex = (path: string[]) => path.map((h) => fromHex(h) as Hash);

async function vectorLog() {
  const log = memoryLog();
  await log.append(LEAVES);
  return log;
}

describe("RFC 6962 known answers", () => {
  it("hashes the empty tree and the first leaf", async () => {
    expect(toHex(await emptyRoot())).toBe(ROOTS[0]);
    expect(toHex(await leafHash(LEAVES[0] as Uint8Array))).toBe(ROOTS[1]);
  });

  it("grows the tree edge leaf by leaf to every published root", async () => {
    let edge = emptyEdge();
    expect(toHex(await edgeRoot(edge))).toBe(ROOTS[0]);
    for (const [i, leaf] of LEAVES.entries()) {
      edge = (await appendLeaves(edge, [await leafHash(leaf)])).edge;
      expect(edge.size).toBe(i + 1);
      expect(toHex(await edgeRoot(edge))).toBe(ROOTS[i + 1]);
      expect(decodeEdge(encodeEdge(edge))).toEqual(edge);
    }
  });

  it("computes every prefix root from tiles", async () => {
    const log = await vectorLog();
    for (let size = 0; size <= 8; size++) {
      expect(toHex(await treeRoot(size, log.readTile))).toBe(ROOTS[size]);
    }
  });

  it.each(INCLUSION)("proves and verifies inclusion of leaf $index in $size", async (v) => {
    const log = await vectorLog();
    const proof = await proveInclusion(v.size, v.index, log.readTile);
    expect(hex(proof)).toEqual(v.path);
    const leaf = await leafHash(LEAVES[v.index] as Uint8Array);
    const root = fromHex(ROOTS[v.size] as string) as Hash;
    expect(await verifyInclusion(leaf, v.index, v.size, unhex(v.path), root)).toBe(true);
    expect(await verifyInclusion(leaf, v.index + 1, v.size, unhex(v.path), root)).toBe(false);
  });

  it.each(CONSISTENCY)("proves and verifies consistency $oldSize → $newSize", async (v) => {
    const log = await vectorLog();
    expect(hex(await proveConsistency(v.oldSize, v.newSize, log.readTile))).toEqual(v.path);
    const oldRoot = fromHex(ROOTS[v.oldSize] as string) as Hash;
    const newRoot = fromHex(ROOTS[v.newSize] as string) as Hash;
    expect(await verifyConsistency(v.oldSize, v.newSize, oldRoot, newRoot, unhex(v.path))).toBe(
      true,
    );
    expect(await verifyConsistency(v.oldSize, v.newSize, newRoot, oldRoot, unhex(v.path))).toBe(
      v.oldSize === v.newSize,
    );
  });

  it("refuses leaves outside the tree and shrinking trees", async () => {
    const log = await vectorLog();
    await expect(proveInclusion(8, 8, log.readTile)).rejects.toThrow(RangeError);
    await expect(proveConsistency(5, 2, log.readTile)).rejects.toThrow(RangeError);
    const root = fromHex(ROOTS[8] as string) as Hash;
    expect(await verifyInclusion(root, 8, 8, [], root)).toBe(false);
    expect(await verifyConsistency(8, 5, root, root, [])).toBe(false);
    expect(() => decodeEdge(encodeEdge({ size: 3, hashes: [root] }))).toThrow(/hash count/);
  });
});
