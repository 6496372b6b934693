import { describe, expect, it } from "vitest";
import { fromBase64, toBase64 } from "./bytes";
import { formatCheckpoint, openCheckpoint, parseCheckpoint, signCheckpoint } from "./checkpoint";
import { cosignCheckpoint, verifyCosignature } from "./cosignature";
import { ed25519Generate } from "./ed25519";
import { appendSignatures, NoteError, noteVerifierKey, openNote, witnessVerifierKey } from "./note";

// The example of C2SP tlog-checkpoint and tlog-cosignature.
const ORIGIN = "example.com/behind-the-sofa";
const ROOT = fromBase64("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=") as Uint8Array;
const BODY = `${ORIGIN}\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n`;

async function signer(name: string) {
  return { name, ...(await ed25519Generate()) };
}

describe("checkpoints (C2SP tlog-checkpoint)", () => {
  it("formats and parses the spec's example", () => {
    expect(formatCheckpoint({ origin: ORIGIN, size: 20852163, root: ROOT })).toBe(BODY);
    expect(parseCheckpoint(BODY)).toEqual({
      origin: ORIGIN,
      size: 20852163,
      root: ROOT,
      extensions: [],
    });
    const extended = formatCheckpoint({ origin: ORIGIN, size: 0, root: ROOT, extensions: ["x y"] });
    expect(parseCheckpoint(extended).extensions).toEqual(["x y"]);
  });

  it.each([
    ["a leading zero", `${ORIGIN}\n020852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n`],
    ["a short root", `${ORIGIN}\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2=\n`],
    ["two lines", `${ORIGIN}\n1\n`],
    ["no final newline", BODY.slice(0, -1)],
    ["an empty extension", `${BODY}\n`],
    ["an empty origin", `\n${BODY.slice(ORIGIN.length + 1)}`],
    ["a negative size", BODY.replace("20852163", "-1")],
  ])("refuses a checkpoint with %s", (_, text) => {
    expect(() => parseCheckpoint(text)).toThrow(NoteError);
  });

  it("signs, opens, and names a checkpoint signed by another key", async () => {
    const log = await signer(ORIGIN);
    const other = await signer(ORIGIN);
    const vkey = noteVerifierKey(log.name, log.publicKey);
    const note = await signCheckpoint({ origin: ORIGIN, size: 20852163, root: ROOT }, log);
    const { checkpoint } = await openCheckpoint(note, vkey);
    expect(checkpoint.size).toBe(20852163);
    const forged = await signCheckpoint({ origin: ORIGIN, size: 20852163, root: ROOT }, other);
    await expect(openCheckpoint(forged, vkey)).rejects.toMatchObject({
      code: "NO_VERIFIED_SIGNATURE",
    });
  });

  it("refuses a witness's cosignature key as the log's key, even over its own cosignature", async () => {
    const witness = await signer(ORIGIN);
    const wkey = witnessVerifierKey(witness.name, witness.publicKey);
    const cosigned = `${BODY}\n${await cosignCheckpoint(BODY, witness, 1679315147)}`;
    expect((await openNote(cosigned, [wkey])).verified).toHaveLength(1);
    await expect(openCheckpoint(cosigned, wkey)).rejects.toMatchObject({ code: "BAD_KEY" });
    // As a witness beside the log's Ed25519 key, the same key still verifies its cosignature.
    const log = await signer(ORIGIN);
    const note = appendSignatures(await signNoteFor(log), [cosigned.split("\n\n")[1] as string]);
    const opened = await openCheckpoint(note, noteVerifierKey(log.name, log.publicKey), [wkey]);
    expect(opened.note.verified.map((s) => s.timestamp)).toEqual([undefined, 1679315147]);
  });
});

describe("cosignatures (C2SP tlog-cosignature, Ed25519)", () => {
  it("cosigns a checkpoint at a time; the line verifies and opens with the witness key", async () => {
    const log = await signer(ORIGIN);
    const witness = await signer("witness.example.com/w1");
    const wkey = witnessVerifierKey(witness.name, witness.publicKey);
    const line = await cosignCheckpoint(BODY, witness, 1679315147);
    expect(line).toMatch(/^— witness\.example\.com\/w1 [A-Za-z0-9+/]{102}==\n$/);
    expect(await verifyCosignature(BODY, line, wkey)).toEqual({
      valid: true,
      name: witness.name,
      timestamp: 1679315147,
    });
    const note = appendSignatures(await signNoteFor(log), [line]);
    const opened = await openNote(note, [noteVerifierKey(log.name, log.publicKey), wkey]);
    expect(opened.verified.map((s) => s.timestamp)).toEqual([undefined, 1679315147]);
  });

  it("fails a cosignature of another checkpoint, another key, or a changed time", async () => {
    const witness = await signer("witness.example.com/w1");
    const wkey = witnessVerifierKey(witness.name, witness.publicKey);
    const line = await cosignCheckpoint(BODY, witness, 1679315147);
    const other = BODY.replace("20852163", "20852164");
    expect(await verifyCosignature(other, line, wkey)).toEqual({
      valid: false,
      reason: "BAD_SIGNATURE",
    });
    const stranger = await signer("witness.example.com/w1");
    expect(
      await verifyCosignature(BODY, line, witnessVerifierKey(stranger.name, stranger.publicKey)),
    ).toEqual({ valid: false, reason: "OTHER_KEY" });
    const bytes = fromBase64(line.split(" ")[2]?.trim() as string) as Uint8Array;
    bytes[11] = (bytes[11] as number) ^ 1;
    const retimed = `— ${witness.name} ${toBase64(bytes)}\n`;
    expect(await verifyCosignature(BODY, retimed, wkey)).toEqual({
      valid: false,
      reason: "BAD_SIGNATURE",
    });
  });
});

async function signNoteFor(log: Awaited<ReturnType<typeof signer>>) {
  return signCheckpoint(parseCheckpoint(BODY), log);
}
