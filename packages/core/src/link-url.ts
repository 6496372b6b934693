import * as v from "valibot";

/**
 * A link a configuration gives (a privacy or cookie policy, a service's policy, an embed's
 * URLs): an absolute http(s) URL or a path, at most 2048 characters. Backslashes and control
 * characters are refused: browsers read `\` as `/` and drop tabs and line breaks, so
 * `/\evil.example` would lead off the site as `//evil.example` while it looks like a path on it.
 */
export const httpUrl = v.pipe(
  v.string(),
  v.maxLength(2048),
  v.check((s) => /^https?:\/\//.test(s) || s.startsWith("/"), "must be an http(s) URL or a path"),
  v.check(
    (s) => !/[\\\p{Cc}]/u.test(s),
    "must not contain backslashes or control characters (browsers read `\\` as `/`)",
  ),
);
