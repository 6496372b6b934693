// The stylesheets are written one rule per line in `src/ui/styles.ts` for the next engineer; the
// visitor downloads them without those line breaks (about 30 bytes gzip off the UI chunk).
import type { Plugin } from "vite";

/** A `…CSS` template literal exported by the styles module: its text, between the backticks. */
const CSS_LITERAL = /(export const \w*CSS = `)([^`]*)(`)/g;

/**
 * Removes the line breaks from the stylesheets in `src/ui/styles.ts` as it is bundled (a line
 * break between CSS rules or declarations means nothing). Interpolations (`${DARK}`) are kept.
 * @example plugins: [cssLiterals()]
 */
export function cssLiterals(): Plugin {
  return {
    name: "assent:css-literals",
    transform(code, id) {
      if (!id.endsWith("/src/ui/styles.ts")) return null;
      return code.replace(
        CSS_LITERAL,
        (_, open, css: string, close) => `${open}${css.replace(/\n/g, "")}${close}`,
      );
    },
  };
}
