/** An entry's largest size in a bundle: its length is a big-endian uint16. */
export const MAX_ENTRY_SIZE = 0xffff;

/**
 * An entry bundle (C2SP tlog-tiles): each entry as a 2-byte big-endian length then its bytes.
 * @example encodeEntryBundle([receiptEntry(d1), receiptEntry(d2)]);
 */
export function encodeEntryBundle(entries: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const e of entries) {
    if (e.length > MAX_ENTRY_SIZE) throw new RangeError("a log entry must be under 64 KiB");
    length += 2 + e.length;
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const e of entries) {
    out[offset] = e.length >> 8;
    out[offset + 1] = e.length & 0xff;
    out.set(e, offset + 2);
    offset += 2 + e.length;
  }
  return out;
}

/**
 * The entries of a bundle; throws when a length runs past the end.
 * @example decodeEntryBundle(await readTile({ level: "entries", index: 0, width: 3 }));
 */
export function decodeEntryBundle(bundle: Uint8Array): Uint8Array[] {
  const entries: Uint8Array[] = [];
  let offset = 0;
  while (offset < bundle.length) {
    if (offset + 2 > bundle.length) throw new RangeError("truncated entry bundle");
    const length = ((bundle[offset] as number) << 8) | (bundle[offset + 1] as number);
    if (offset + 2 + length > bundle.length) throw new RangeError("truncated entry bundle");
    entries.push(bundle.slice(offset + 2, offset + 2 + length));
    offset += 2 + length;
  }
  return entries;
}
