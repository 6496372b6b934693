// TEMPORARY until core's signed notes land.
import { toBase64 } from "@assent/core";

const enc = new TextEncoder();
async function keyHash(name: string, pub: Uint8Array) {
  const d = new Uint8Array(
    await crypto.subtle.digest("SHA-256", new Uint8Array([...enc.encode(`${name}\n`), 1, ...pub])),
  );
  return d.slice(0, 4);
}
export function formatCheckpoint(c: { origin: string; size: number; root: Uint8Array }): string {
  return `${c.origin}\n${c.size}\n${toBase64(c.root)}\n`;
}
export async function signNote(
  text: string,
  s: { name: string; privateKey: CryptoKey; publicKey: Uint8Array },
): Promise<string> {
  const sig = new Uint8Array(await crypto.subtle.sign("Ed25519", s.privateKey, enc.encode(text)));
  const h = await keyHash(s.name, s.publicKey);
  return `${text}\n— ${s.name} ${toBase64(new Uint8Array([...h, ...sig]))}\n`;
}
export function noteVerifierKey(name: string, pub: Uint8Array): string {
  return `${name}+pending+${toBase64(new Uint8Array([1, ...pub]))}`;
}
