const UTF8 = new TextDecoder("utf-8", { fatal: true });

/**
 * A request header's text as a receipt stores and signs it, alike on every runtime, or `null`
 * without the header. Node hands a header's bytes over one Latin-1 character each, workerd
 * decodes them as UTF-8: text that reads as UTF-8 bytes is decoded so (a browser's `é` is `é`
 * on both, never `Ã©`). Then cut to at most `max` UTF-16 units without splitting a character,
 * so what is signed is exactly what the database keeps (a lone surrogate would be stored as
 * U+FFFD, and the receipt would no longer verify).
 * @example headerText("caf\u00c3\u00a9", 512) // "café"
 */
export function headerText(raw: string | undefined, max: number): string | null {
  if (raw === undefined) return null;
  let text = raw;
  if (/[\x80-\xff]/.test(raw) && !/[\u0100-\uffff]/.test(raw)) {
    try {
      text = UTF8.decode(Uint8Array.from(raw, (ch) => ch.charCodeAt(0)));
    } catch {
      // Not UTF-8: the characters as they came.
    }
  }
  text = text.slice(0, max);
  return /[\ud800-\udbff]$/.test(text) ? text.slice(0, -1) : text;
}
