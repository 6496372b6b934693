import { ApiError, badRequest } from "../errors";

/**
 * Largest request bodies, in bytes, checked from `Content-Length` (or counted as a chunked body
 * streams in) before anything is parsed: each fits its payload with room to spare.
 */
export const BODY_LIMITS = {
  /** A consent receipt (a few hundred bytes in practice). */
  receipt: 8 * 1024,
  /** An e-mail address and a password (sign-in), an invitation token and a password. */
  signIn: 4 * 1024,
  /** Any other admin request: a site configuration with its texts in every language fits. */
  admin: 256 * 1024,
} as const;

/** Deepest nesting of arrays and objects a JSON body may have (a site config needs about 6). */
export const MAX_JSON_DEPTH = 32;

/**
 * Nesting depth of JSON text, counted in one pass without parsing (brackets inside strings do
 * not count); stops counting once past `limit`.
 */
export function jsonDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* \\ */) i++;
      else if (ch === 34 /* " */) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 91 /* [ */ || ch === 123 /* { */) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (ch === 93 /* ] */ || ch === 125 /* } */) depth--;
  }
  return deepest;
}

/**
 * Parses a JSON request body: `400 INVALID_JSON` when it is not JSON, `400 JSON_TOO_DEEP` when it
 * nests deeper than `MAX_JSON_DEPTH` (checked before parsing, so a hostile body costs one scan).
 */
export function parseJsonBody(text: string): unknown {
  if (jsonDepth(text) > MAX_JSON_DEPTH) {
    throw new ApiError(
      "JSON_TOO_DEEP",
      `The body nests deeper than ${MAX_JSON_DEPTH} levels of arrays and objects`,
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest("INVALID_JSON", "The body is not valid JSON");
  }
}
