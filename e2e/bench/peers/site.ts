import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { consentOrigin, customerOrigin, siteRoot } from "../../fixtures/topology";
import type { Contender } from "./contenders";
import { LONG_PAGE_ARTICLES, seedPage } from "./page";
import type { Owns } from "./visit";

/** The e2e package's node_modules, where the peers are installed (dev dependencies). */
const MODULES = fileURLToPath(new URL("../../node_modules/", import.meta.url));
/** The benchmark's folder in the customer's site (served by Caddy like every other page). */
const FOLDER = "/e2e/peers";

/** A manager's page on the customer's site, and which responses are its own. */
export interface Installed {
  url: string;
  /** The same page made long (`LONG_PAGE_ARTICLES` articles before its footer). */
  longUrl: string;
  owns: Owns;
}

/**
 * Puts a manager on the customer's site as a site owner would: its package's files and the
 * owner's configuration in a folder of its own, and the seed-shaped page that loads them.
 * Assent's files are on the consent host (cross-origin), so those are its own.
 */
export function install(contender: Contender): Installed {
  const folder = `${FOLDER}/${contender.id}`;
  const dir = join(siteRoot(), folder);
  mkdirSync(dir, { recursive: true });
  for (const [from, name] of contender.vendorFiles)
    copyFileSync(join(MODULES, from), join(dir, name));
  for (const [name, text] of Object.entries(contender.files)) writeFileSync(join(dir, name), text);
  const parts = contender.parts(consentOrigin(), folder);
  writeFileSync(join(siteRoot(), `${folder}.html`), seedPage(contender.name, parts));
  writeFileSync(
    join(siteRoot(), `${folder}-long.html`),
    seedPage(contender.name, parts, LONG_PAGE_ARTICLES),
  );
  const own =
    contender.id === "none"
      ? () => false
      : contender.id === "assent"
        ? (url: string) => url.startsWith(`${consentOrigin()}/`)
        : (url: string) => url.startsWith(`${customerOrigin()}${folder}/`);
  return {
    url: `${customerOrigin()}${folder}.html`,
    longUrl: `${customerOrigin()}${folder}-long.html`,
    owns: own,
  };
}
