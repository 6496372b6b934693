import type { Choice, SiteConfig } from "@assent/core";

/** An object of named values: not `null`, not an array. */
const isObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === "object" && !Array.isArray(value);

/** Throws what `set()` rejects with, naming what is wrong, unless `ok`. */
function expect(ok: unknown, what: string, expected: string, Type = TypeError): asserts ok {
  if (!ok) throw new Type(`[assent] set(): ${what}: expected ${expected}`);
}

/**
 * Checks what a site passes to `window.assent.set()` before anything is stored: an object whose
 * `categories` and `services` (each may be left out) name this site's categories and services,
 * each `true` or `false`. Anything else throws, so `set()` rejects and nothing is recorded (no
 * cookie, no receipt, the banner as it was): a `TypeError` for a value of the wrong type, a
 * `RangeError` for a name this site does not have; the message names it.
 * @example
 * assertChoice(config, { categories: { analytic: true } });
 * // RangeError: [assent] set(): categories.analytic: expected one of this site's categories
 */
export function assertChoice(config: SiteConfig, choice: unknown): asserts choice is Choice {
  /** Checks `value` at `path`: the choice (`categories`, `services`), or one of them (`ids`). */
  const walk = (value: unknown, path: string, ids?: readonly { id: string }[]) => {
    expect(isObject(value), `${path} ${JSON.stringify(value)}`, "an object");
    for (const [key, item] of Object.entries(value))
      if (ids) {
        expect(
          ids.some((c) => c.id === key),
          `${path}.${key}`,
          `one of this site's ${path}`,
          RangeError,
        );
        expect(
          typeof item === "boolean",
          `${path}.${key} ${JSON.stringify(item)}`,
          "true or false",
        );
      } else {
        expect(
          key === "categories" || key === "services",
          key,
          "categories or services",
          RangeError,
        );
        if (item !== undefined) walk(item, key, config[key]);
      }
  };
  walk(choice, "choice");
}
