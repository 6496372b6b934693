import { describe, expect, it } from "vitest";
import { fromBase64 } from "./bytes";
import { ed25519FromSeed } from "./ed25519";
import {
  appendSignatures,
  NoteError,
  type NoteSigner,
  noteVerifierKey,
  openNote,
  parseVerifierKey,
  signNote,
  splitNote,
} from "./note";

// The examples of Go's golang.org/x/mod/sumdb/note (note_test.go): same key, same text, same bytes.
const PETER_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
const PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
const ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
const TEXT =
  "If you think cryptography is the answer to your problem,\n" +
  "then you don't know what your problem is.\n";
const PETER_SIG =
  "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
const ENOCH_SIG =
  "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

async function peter(): Promise<NoteSigner> {
  const seed = (fromBase64(PETER_SKEY.split("+").slice(4).join("+")) as Uint8Array).slice(1);
  return { name: "PeterNeumann", ...(await ed25519FromSeed(seed)) };
}

async function noteError(promise: Promise<unknown>): Promise<NoteError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NoteError);
  return error as NoteError;
}

describe("signed notes (C2SP signed-note, Go's note_test.go vectors)", () => {
  it("derives Go's verifier key from Go's signer key", async () => {
    const signer = await peter();
    expect(noteVerifierKey(signer.name, signer.publicKey)).toBe(PETER_VKEY);
    expect(parseVerifierKey(PETER_VKEY)).toMatchObject({
      name: "PeterNeumann",
      keyHash: 0xc74f20a3,
      type: 1,
    });
  });

  it("signs byte for byte as Go's note.Sign does", async () => {
    expect(await signNote(TEXT, await peter())).toBe(`${TEXT}\n${PETER_SIG}`);
  });

  it("opens a note: known keys verified, other keys listed as unverified", async () => {
    const note = `${TEXT}\n${PETER_SIG}${ENOCH_SIG}`;
    const opened = await openNote(note, [PETER_VKEY]);
    expect(opened.text).toBe(TEXT);
    expect(opened.verified.map((s) => s.name)).toEqual(["PeterNeumann"]);
    expect(opened.unverified).toEqual([
      { name: "EnochRoot", keyHash: 0xaf0cfe78, signature: ENOCH_SIG.slice(12, -1) },
    ]);
    const both = await openNote(note, [PETER_VKEY, ENOCH_VKEY]);
    expect(both.verified.map((s) => s.name)).toEqual(["PeterNeumann", "EnochRoot"]);
    expect((await openNote(`${note}${PETER_SIG}`, [PETER_VKEY])).verified).toHaveLength(1);
  });

  it("refuses a changed text, a missing signer and malformed notes by name", async () => {
    const forged = `${TEXT.replace("cryptography", "Cryptography")}\n${PETER_SIG}`;
    expect((await noteError(openNote(forged, [PETER_VKEY]))).code).toBe("BAD_SIGNATURE");
    const unknown = await noteError(openNote(`${TEXT}\n${ENOCH_SIG}`, [PETER_VKEY]));
    expect(unknown.code).toBe("NO_VERIFIED_SIGNATURE");
    for (const bad of [
      `${TEXT}${PETER_SIG}`,
      `${TEXT}\n${PETER_SIG.slice(0, -1)}`,
      `${TEXT}\n${PETER_SIG.replace("PeterNeumann", "Peter Neumann")}`,
      `${TEXT}\n${PETER_SIG.replace("— ", "-- ")}`,
      `${TEXT}\n— PeterNeumann AAAA\n`,
      `${TEXT.replace("\n", "\r\n")}\n${PETER_SIG}`,
      `${TEXT}\n${PETER_SIG.repeat(101)}`,
      `${TEXT}\n`,
    ]) {
      expect((await noteError(openNote(bad, [PETER_VKEY]))).code).toBe("MALFORMED_NOTE");
    }
    await expect(signNote("no newline", await peter())).rejects.toThrow(NoteError);
  });

  it("refuses mangled verifier keys (Go's TestNewVerifier)", () => {
    const b = [...PETER_VKEY];
    for (let i = 0; i < b.length; i++) {
      const mangled = [...b];
      mangled[i] = String.fromCharCode((b[i] as string).charCodeAt(0) + 1);
      expect(() => parseVerifierKey(mangled.join(""))).toThrow(NoteError);
      expect(() => parseVerifierKey(PETER_VKEY.slice(0, i))).toThrow(NoteError);
    }
    expect(() =>
      parseVerifierKey(
        "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==",
      ),
    ).toThrow(/malformed/);
    expect(() =>
      parseVerifierKey("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"),
    ).toThrow(/unknown verifier key type/);
  });

  it("splits and extends a note's signature block", async () => {
    const note = `${TEXT}\n${PETER_SIG}`;
    expect(splitNote(note).signatures).toHaveLength(1);
    const extended = appendSignatures(note, [ENOCH_SIG, PETER_SIG]);
    expect(extended).toBe(`${TEXT}\n${PETER_SIG}${ENOCH_SIG}`);
    expect(() => appendSignatures(note, ["not a signature"])).toThrow(NoteError);
  });
});
