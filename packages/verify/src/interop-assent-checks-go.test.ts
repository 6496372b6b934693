import { readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  decodeEntryBundle,
  fromBase64,
  leafHash,
  openCheckpoint,
  openNote,
  parseEntry,
  parseTilePath,
  proveConsistency,
  proveInclusion,
  tilePath,
  tilesForSize,
  toBase64,
  treeRoot,
  verifyConsistency,
  verifyCosignature,
  verifyInclusion,
} from "@assent/core";
import { beforeAll, expect, it } from "vitest";
import { describeWithGo, runInterop } from "./test-support/go-interop";
import { logSource } from "./tile-source";

// Go's golang.org/x/mod/sumdb/note and sumdb/tlog are the reference implementation of signed
// notes and tiled logs: an Assent log must check out there, and a Go log must check out here.
// CI installs Go (.ci/run); elsewhere, without Go, these tests are skipped with the reason.
describeWithGo("Assent checks a log Go wrote", (go) => {
  const size = 70_000;
  let goDir: string;
  let proofs: {
    size: number;
    oldSize: number;
    vkey: string;
    tiles: string[];
    inclusion: { index: number; proof: string[] }[];
    consistency: string[];
  };

  beforeAll(async () => {
    goDir = join(go.dir, "go-log");
    const { code, stderr } = await runInterop(go.bin, [
      "produce",
      "-out",
      goDir,
      "-n",
      String(size),
    ]);
    expect(code, stderr).toBe(0);
    proofs = JSON.parse(await readFile(join(goDir, "proofs.json"), "utf8"));
  }, 120_000);

  it("opens Go's signed checkpoint and computes its root from Go's tiles", async () => {
    const note = await readFile(join(goDir, "checkpoint"), "utf8");
    const { checkpoint } = await openCheckpoint(note, proofs.vkey);
    expect(checkpoint.size).toBe(size);
    const source = logSource(goDir);
    expect(await treeRoot(size, source.readTile)).toEqual(checkpoint.root);
  });

  it("verifies the cosignature Go's witness made", async () => {
    const note = await readFile(join(goDir, "checkpoint"), "utf8");
    const wkey = (await readFile(join(goDir, "witness-vkey"), "utf8")).trim();
    const opened = await openNote(note, [proofs.vkey, wkey]);
    expect(opened.verified.map((s) => [s.name, s.timestamp])).toEqual([
      ["go.example/tlog-interop", undefined],
      ["go.example/witness", 1764669600],
    ]);
    const line = note.split("\n").find((l) => l.startsWith("— go.example/witness ")) as string;
    expect(await verifyCosignature(opened.text, line, wkey)).toMatchObject({ valid: true });
  });

  it("reads Go's tile paths as canonical and publishes the same set", async () => {
    for (const path of proofs.tiles)
      expect(tilePath(parseTilePath(path) ?? never(path))).toBe(path);
    expect([...proofs.tiles].sort()).toEqual(tilesForSize(size).map(tilePath).sort());
  });

  it("proves and verifies Go's inclusion and consistency proofs identically", async () => {
    const source = logSource(goDir);
    const { checkpoint } = await openCheckpoint(
      await readFile(join(goDir, "checkpoint"), "utf8"),
      proofs.vkey,
    );
    const older = await openCheckpoint(
      await readFile(join(goDir, "older-checkpoint"), "utf8"),
      proofs.vkey,
    );
    for (const { index, proof } of proofs.inclusion) {
      expect((await proveInclusion(size, index, source.readTile)).map(toBase64)).toEqual(proof);
      const bundle = decodeEntryBundle(
        await source.readTile({
          level: "entries",
          index: Math.floor(index / 256),
          width: Math.min(256, size - Math.floor(index / 256) * 256),
        }),
      );
      const entry = bundle[index % 256] as Uint8Array;
      expect(parseEntry(entry)?.kind).toBe("receipt");
      const hashes = proof.map((p) => fromBase64(p) as Uint8Array);
      expect(
        await verifyInclusion(await leafHash(entry), index, size, hashes, checkpoint.root),
      ).toBe(true);
    }
    const consistency = proofs.consistency.map((p) => fromBase64(p) as Uint8Array);
    expect((await proveConsistency(proofs.oldSize, size, source.readTile)).map(toBase64)).toEqual(
      proofs.consistency,
    );
    expect(
      await verifyConsistency(
        proofs.oldSize,
        size,
        older.checkpoint.root,
        checkpoint.root,
        consistency,
      ),
    ).toBe(true);
  });
});

function never(path: string): never {
  throw new Error(`Go's tile path ${path} does not parse`);
}
