import { runInNewContext } from "node:vm";
import type { LoaderBoot } from "@assent/core";

/**
 * The boot a loader answer (`/s/KEY.js`) gives the page, read as a browser does: its
 * `window.__assent_boot=...;` line run as a script, not parsed as JSON (its names are bare).
 * @returns `null` when the answer has no boot line
 * @example const boot = bootIn(await (await app.request("/s/demo.js")).text());
 */
export function bootIn(loader: string): LoaderBoot | null {
  const line = /^window\.__assent_boot=.*;\n/m.exec(loader)?.[0];
  if (!line) return null;
  const window: { __assent_boot?: LoaderBoot } = {};
  runInNewContext(line, { window });
  // Out of the script's realm: plain objects and arrays of this one, for `toEqual`.
  return JSON.parse(JSON.stringify(window.__assent_boot)) as LoaderBoot;
}
