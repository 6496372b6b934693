import type { StandardWording } from "@assent/core";
import { type Database, receipts, wordings } from "@assent/db";
import { outsideWording, standardWording } from "@assent/sdk/wording";
import { and, eq, gt, lt, notExists, sql } from "drizzle-orm";
import type { SdkBundle } from "../deps";
import { SDK_ARCHIVE_DAYS } from "./sdk-archive";

/** An instance records its build's wording at most this often (each start checks first). */
const REFRESH_MS = 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The language set's hash of a build, from the name of its English first layer (`lang/en-HASH.js`). */
export function wordingHash(files: Readonly<Record<string, string>>): string | null {
  for (const path of Object.keys(files)) {
    const hash = /^lang\/en-([\w-]{8})\.js$/.exec(path)?.[1];
    if (hash) return hash;
  }
  return null;
}

/** A string literal in minified code: in backticks, double or single quotes. */
const LITERAL = /(`(?:[^`\\]|\\.)*`|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/.source;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The literals a minified data module gives `key` (`{rejectAll:\`Alle ablehnen\`,...}`). */
function literalsOf(code: string, key: string): string[] {
  const k = escapeRegExp(key);
  const member = new RegExp(`[{,](?:${k}|"${k}"|'${k}'):${LITERAL}`, "g");
  return [...code.matchAll(member)].map((m) => m[1] as string);
}

/** How a minifier may write `text` as a literal. */
const spellings = (text: string) => [
  `\`${text.replace(/[\\`]/g, "\\$&").replace(/\$\{/g, "\\${")}\``,
  JSON.stringify(text),
  `'${text.replace(/[\\']/g, "\\$&")}'`,
];

/** The modules that show the texts outside the banner (`outsideWording`), by their names' start. */
const OUTSIDE_MODULES = ["floating-button-", "embed-placeholder-"];

/**
 * The build's standard wording: its language set's hash, and the texts the SDK's language build
 * makes its modules from (`standardWording()` of `@assent/sdk`), each checked against this
 * build's modules of its language: every one that holds the key holds that text, and one does.
 * The texts shown outside the banner (`outsideWording()`) are in modules that hold every
 * language: one of those must hold each text. A build that says otherwise (an SDK built from
 * other sources than the ones this server runs) has no wording this server can vouch for.
 * @returns `null` for a build without language modules
 * @throws when a module of the build holds another text, or none holds a key
 */
export function buildWording(files: Readonly<Record<string, string>>): Wording | null {
  const hash = wordingHash(files);
  return hash ? checkedWording(files, hash) : null;
}

/** A build's standard wording and its language set's hash. */
export interface Wording {
  hash: string;
  languages: Record<string, Record<string, string>>;
}

/** `buildWording` for a build whose language set's hash is known (`wordingHash`). */
function checkedWording(files: Readonly<Record<string, string>>, hash: string): Wording {
  const languages = standardWording();
  const outside = outsideWording();
  const outsideModules = Object.entries(files)
    .filter(([path]) => OUTSIDE_MODULES.some((start) => path.startsWith(start)))
    .map(([, code]) => code);
  for (const [language, texts] of Object.entries(languages)) {
    const modules = Object.entries(files)
      .filter(([path]) => path.startsWith(`lang/${language}-`) && path.endsWith(`-${hash}.js`))
      .map(([, code]) => code);
    for (const [key, text] of Object.entries(texts)) {
      const spelt = spellings(text);
      const held =
        outside[language]?.[key] !== undefined
          ? outsideModules.some((code) => spelt.some((literal) => code.includes(literal)))
          : checkedIn(modules, key, spelt);
      if (!held)
        throw new Error(
          `the SDK build ${hash} does not hold the standard text ${language}.${key}: rebuild the SDK from this server's sources`,
        );
    }
  }
  return { hash, languages };
}

/** Whether `modules` give `key` a literal, each one of the `spelt` ways to write its text. */
function checkedIn(modules: readonly string[], key: string, spelt: readonly string[]): boolean {
  const built = modules.flatMap((code) => literalsOf(code, key));
  return built.length > 0 && built.every((literal) => spelt.includes(literal));
}

/**
 * Records this instance's SDK build's standard wording (`buildWording`) under its hash, which
 * that build's receipts name (`wording`), so the texts a visitor saw stay on record as long as a
 * receipt names them (see `purgeUnusedWordings`), whatever SDK releases follow. A hash names one
 * set of texts: a row is refreshed, never changed. Skipped when recorded within a day, so an
 * instance start (a Worker isolate's first request) costs one read, and the build's modules are
 * not read.
 * @returns the hash recorded, or `null` (recorded lately, or a build without language modules)
 * @example await recordWording(db, readSdkBundle(), Date.now())
 */
export async function recordWording(
  db: Database,
  sdk: Pick<SdkBundle, "files">,
  now: number,
): Promise<string | null> {
  // The hash first (from a file name): a start that finds it recorded lately reads nothing else.
  const hash = wordingHash(sdk.files ?? {});
  if (!hash) return null;
  const [fresh] = await db
    .select({ hash: wordings.hash })
    .from(wordings)
    .where(and(eq(wordings.hash, hash), gt(wordings.recordedAt, now - REFRESH_MS)));
  if (fresh) return null;
  const wording = checkedWording(sdk.files ?? {}, hash);
  await db
    .insert(wordings)
    .values({ hash: wording.hash, texts: JSON.stringify(wording.languages), recordedAt: now })
    .onConflictDoUpdate({ target: wordings.hash, set: { recordedAt: now } });
  return wording.hash;
}

/** A recorded wording, as the admin API answers it; `null` when none has this hash. */
export async function readWording(db: Database, hash: string): Promise<StandardWording | null> {
  const [row] = await db.select().from(wordings).where(eq(wordings.hash, hash));
  if (!row) return null;
  return {
    hash: row.hash,
    recordedAt: new Date(row.recordedAt).toISOString(),
    languages: JSON.parse(row.texts),
  };
}

/**
 * Deletes the wordings no receipt names any more (the retention purge deleted the last) that no
 * instance has recorded for {@link SDK_ARCHIVE_DAYS}, as long as their build's chunks are served
 * (a page of that build may still send a receipt naming it): a wording stays as long as any
 * receipt kept names it, however old. One statement, by the receipts' `wording` index.
 * @returns the hashes deleted
 */
export async function purgeUnusedWordings(db: Database, now: number): Promise<string[]> {
  const named = db
    .select({ one: sql`1` })
    .from(receipts)
    .where(eq(receipts.wording, wordings.hash));
  const deleted = await db
    .delete(wordings)
    .where(and(lt(wordings.recordedAt, now - SDK_ARCHIVE_DAYS * DAY_MS), notExists(named)))
    .returning({ hash: wordings.hash });
  return deleted.map((row) => row.hash);
}
