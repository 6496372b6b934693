import { describe, expect, it } from "vitest";
import { fromUtf8, utf8 } from "./bytes";
import { configEntry, parseEntry, receiptEntry } from "./entries";
import { decodeEntryBundle, encodeEntryBundle } from "./entry-bundle";
import { memoryLog } from "./memory-log";
import { treeRoot } from "./tile-proofs";
import { parseTilePath, type Tile, tileOfNode, tilePath, tilesForSize } from "./tiles";

describe("tile paths (C2SP tlog-tiles)", () => {
  it.each([
    [{ level: 0, index: 0, width: 256 }, "tile/0/000"],
    [{ level: 0, index: 1234, width: 5 }, "tile/0/x001/234.p/5"],
    [{ level: 2, index: 1234067, width: 256 }, "tile/2/x001/x234/067"],
    [{ level: 63, index: 999, width: 255 }, "tile/63/999.p/255"],
    [{ level: "entries", index: 1000, width: 1 }, "tile/entries/x001/000.p/1"],
  ] as [Tile, string][])("%j ⇄ %s", (tile, path) => {
    expect(tilePath(tile)).toBe(path);
    expect(parseTilePath(path)).toEqual(tile);
  });

  it.each([
    "tile/0/x000/005",
    "tile/00/000",
    "tile/01/000",
    "tile/64/000",
    "tile/0/1",
    "tile/0/0001",
    "tile/0/x1/000",
    "tile/0/000.p/0",
    "tile/0/000.p/05",
    "tile/0/000.p/256",
    "tile/0/000.p/",
    "tile/0/000/",
    "/tile/0/000",
    "tile/0/001x",
    "tile/data/000",
    "tile/-1/000",
    "tile/0/x001",
  ])("refuses the non-canonical path %s", (path) => {
    expect(parseTilePath(path)).toBeNull();
  });

  it("refuses impossible tiles", () => {
    expect(() => tilePath({ level: 0, index: 0, width: 0 })).toThrow(RangeError);
    expect(() => tilePath({ level: 64, index: 0, width: 1 })).toThrow(RangeError);
    expect(() => tilePath({ level: 0, index: -1, width: 1 })).toThrow(RangeError);
  });
});

describe("tiles of a tree", () => {
  it("lists the tlog-tiles example for 70,000 entries", () => {
    const tiles = tilesForSize(70000, { entries: false });
    const partial = tiles.filter((t) => t.width < 256).map(tilePath);
    expect(tiles.filter((t) => t.level === 0 && t.width === 256)).toHaveLength(273);
    expect(partial).toEqual(["tile/0/273.p/112", "tile/1/001.p/17", "tile/2/000.p/1"]);
    expect(tiles.filter((t) => t.level === 1 && t.width === 256)).toHaveLength(1);
  });

  it("represents 256 entries as a full level 0 tile and a level 1 tile of width 1", () => {
    expect(tilesForSize(256).map(tilePath)).toEqual([
      "tile/0/000",
      "tile/1/000.p/1",
      "tile/entries/000",
    ]);
    expect(tilesForSize(0)).toEqual([]);
  });

  it("places a node in its tile", () => {
    expect(tileOfNode(70000, 8, 260)).toEqual({ level: 1, index: 1, width: 17 });
    expect(() => tileOfNode(70000, 4, 0)).toThrow(RangeError);
  });

  it("computes the root of a tree with level-16 nodes from three levels of tiles", async () => {
    const log = memoryLog();
    const entries = Array.from({ length: 65536 + 300 }, (_, i) =>
      configEntry(i.toString(16).padStart(64, "0")),
    );
    const sizes = [65535, 65536, 65537, 65836];
    const roots: Uint8Array[] = [];
    const nodes = [];
    for (const [i, size] of sizes.entries()) {
      nodes.push(...(await log.append(entries.slice(sizes[i - 1] ?? 0, size))));
      roots.push(await log.root());
    }
    expect(nodes.filter((n) => n.level === 16)).toHaveLength(1);
    expect(nodes.filter((n) => n.level === 8)).toHaveLength(257);
    for (const [i, size] of sizes.entries()) {
      expect(await treeRoot(size, log.readTile)).toEqual(roots[i]);
    }
  }, 60_000);
});

describe("entries and bundles", () => {
  const digest = "ab".repeat(32);

  it("writes and reads both entry kinds", () => {
    expect(fromUtf8(receiptEntry(digest))).toBe(`receipt ${digest}\n`);
    expect(parseEntry(receiptEntry(digest))).toEqual({ kind: "receipt", digest });
    expect(parseEntry(configEntry(digest))).toEqual({ kind: "config", configHash: digest });
  });

  it("refuses bad digests and bytes that are not an entry", () => {
    expect(() => receiptEntry("AB".repeat(32))).toThrow(TypeError);
    expect(() => receiptEntry("ab")).toThrow(TypeError);
    expect(() => configEntry(`${digest}\n`)).toThrow(TypeError);
    for (const text of [`receipt ${digest}`, `Receipt ${digest}\n`, `receipt ${digest}\n\n`, ""]) {
      expect(parseEntry(utf8(text))).toBeNull();
    }
    expect(parseEntry(Uint8Array.of(0xff, 0xfe))).toBeNull();
  });

  it("bundles entries with 2-byte big-endian lengths", () => {
    const entries = [new Uint8Array(0), Uint8Array.of(7), new Uint8Array(300).fill(1)];
    const bundle = encodeEntryBundle(entries);
    expect([...bundle.slice(0, 5)]).toEqual([0, 0, 0, 1, 7]);
    expect([...bundle.slice(5, 7)]).toEqual([1, 44]);
    expect(decodeEntryBundle(bundle)).toEqual(entries);
    expect(() => decodeEntryBundle(bundle.slice(0, -1))).toThrow(/truncated/);
    expect(() => encodeEntryBundle([new Uint8Array(65536)])).toThrow(RangeError);
  });
});
