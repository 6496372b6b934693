/** The content codings Assent can send besides `identity`, best (smallest) first. */
export const CODINGS = ["br", "gzip"] as const;
export type Coding = (typeof CODINGS)[number];

/**
 * The coding to send for an `Accept-Encoding` header (RFC 9110 §12.5.3): the first of `offered`
 * the client accepts with a weight above zero (named, or through `*`), preferring the higher
 * weight; `null` for `identity` (no header, or nothing offered is accepted). Codings are
 * case-insensitive; a malformed weight counts as 0, so a garbled header never gets a coding the
 * client did not ask for.
 * @example preferredCoding("gzip, deflate, br, zstd", CODINGS) // "br"
 * @example preferredCoding("br;q=0, gzip", CODINGS) // "gzip"
 */
export function preferredCoding(
  header: string | undefined,
  offered: readonly Coding[] = CODINGS,
): Coding | null {
  if (!header) return null;
  const weights = new Map<string, number>();
  for (const part of header.split(",")) {
    const [name = "", ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    if (!name) continue;
    const q = params.find((p) => p.startsWith("q="));
    const weight =
      q === undefined
        ? 1
        : /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(q.slice(2))
          ? Number(q.slice(2))
          : 0;
    weights.set(name, Math.max(weights.get(name) ?? 0, weight));
  }
  let best: Coding | null = null;
  let bestWeight = 0;
  for (const coding of offered) {
    const weight = weights.get(coding) ?? weights.get("*") ?? 0;
    if (weight > bestWeight) {
      best = coding;
      bestWeight = weight;
    }
  }
  return best;
}

/**
 * A strong entity tag of a coded representation: the identity tag with the coding appended
 * (`"abc"` → `"abc-br"`), since each representation needs its own (RFC 9110 §8.8.3).
 */
export const codedTag = (tag: string, coding: Coding): string =>
  tag.endsWith('"') ? `${tag.slice(0, -1)}-${coding}"` : tag;

/** The identity tag an `If-None-Match` entry stands for, whichever representation it named. */
export const identityTag = (tag: string): string =>
  tag
    .trim()
    .replace(/^W\//, "")
    .replace(new RegExp(`-(?:${CODINGS.join("|")})"$`), '"');
