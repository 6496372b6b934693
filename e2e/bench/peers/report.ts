/**
 * The numbers of the peers benchmark: medians per consent manager and visit kind, the table
 * (each figure beside its ratio to Assent's), and issue #15's targets, each met or missed.
 * Pure functions of the samples, so they are tested without a browser (`report.test.ts`).
 */

import { LONG_PAGE_ARTICLES } from "./page";

/**
 * A first visit and a returning visit of the seed-shaped page, and a first visit of the same
 * page made long (an archive of {@link LONG_PAGE_ARTICLES} articles), where a banner that waits
 * for the whole page to be parsed shows late. Issue #15's targets read the first two.
 */
export type VisitKind = "first" | "returning" | "long";
export const VISIT_KINDS: VisitKind[] = ["first", "returning", "long"];

const TITLES: Record<VisitKind, string> = {
  first: "first visit",
  returning: "returning visit",
  long: `first visit of a long page (${LONG_PAGE_ARTICLES.toLocaleString("en")} articles)`,
};

/** One measured visit of one manager's page. */
export interface VisitSample {
  /** The manager's scripts and stylesheets: URL, gzip bytes, requested before the banner. */
  files?: Array<{ url: string; gzip: number; beforeBanner: boolean }>;
  /** gzip bytes of every script and stylesheet the manager loaded in the visit. */
  bytes: number;
  /** The same, for the requests that started before the banner was visible. */
  bytesToBanner: number;
  /**
   * The bodies of those requests before the banner as the server sent them, in the coding it
   * chose (Resource Timing's `encodedBodySize`): what a visitor without them cached downloads.
   * No target reads it.
   */
  wireToBanner: number;
  /** ms from navigation start to the banner visible; null when none was shown. */
  bannerMs: number | null;
  /** Main-thread script time of the whole page (CDP `ScriptDuration`), ms. */
  scriptMs: number;
  /** The longest script of the manager's files in a long animation frame, ms (0: none seen). */
  longestTaskMs: number;
  /** The longest task of the page, whoever ran it (`longtask`), ms. */
  longestPageTaskMs: number;
  cls: number;
}

/** Medians of one manager's visits of one kind. */
export interface Summary {
  visits: number;
  bytes: number;
  bytesToBanner: number;
  wireToBanner: number;
  bannerMs: number | null;
  scriptMs: number;
  /** `scriptMs` minus the median of the page without a manager in the same run. */
  scriptAboveNoneMs: number;
  longestTaskMs: number;
  longestPageTaskMs: number;
  cls: number;
}

/** One target of issue #15, as measured. */
export interface TargetResult {
  target: string;
  measured: string;
  met: boolean;
}

/** The median (the mean of the middle two for an even count); NaN for none. */
export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Medians of a manager's samples; `noneScriptMs` is the page without a manager's median. */
export function summarise(samples: VisitSample[], noneScriptMs: number): Summary {
  const of = (pick: (s: VisitSample) => number) => median(samples.map(pick));
  const banners = samples.map((s) => s.bannerMs);
  const scriptMs = of((s) => s.scriptMs);
  return {
    visits: samples.length,
    bytes: of((s) => s.bytes),
    bytesToBanner: of((s) => s.bytesToBanner),
    wireToBanner: of((s) => s.wireToBanner),
    // A banner that never showed in some visit makes the median unknown rather than flattering.
    bannerMs: banners.some((b) => b === null) ? null : median(banners as number[]),
    scriptMs,
    scriptAboveNoneMs: scriptMs - noneScriptMs,
    longestTaskMs: of((s) => s.longestTaskMs),
    longestPageTaskMs: of((s) => s.longestPageTaskMs),
    cls: of((s) => s.cls),
  };
}

/** The peers' summaries by name, and Assent's, for one visit kind each. */
export interface Results {
  assent: Record<"first" | "returning", Summary>;
  /** vanilla-cookieconsent's, the yardstick of the script-time targets. */
  vanilla: Record<"first" | "returning", Summary>;
  peers: Array<{ name: string; first: Summary }>;
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const ms = (value: number | null) => (value === null ? "never" : `${Math.round(value)} ms`);

/** Issue #15's targets 1 and 2, each with the measured value (KB = 1000 bytes, as the issue). */
export function checkTargets({ assent, vanilla, peers }: Results): TargetResult[] {
  const first = assent.first;
  const returning = assent.returning;
  const share = (mine: number, theirs: number) =>
    theirs > 0 ? `${Math.round((mine / theirs) * 100)}%` : "n/a";
  const bannerBeforeAll = peers.every(
    (p) =>
      first.bannerMs !== null && (p.first.bannerMs === null || first.bannerMs < p.first.bannerMs),
  );
  return [
    {
      target: "returning visit: loader with config ≤ 3.5 KB gzip",
      measured: kb(returning.bytes),
      met: returning.bytes <= 3500,
    },
    {
      target: "returning visit: script time ≤ 25% of vanilla-cookieconsent's",
      measured: `${ms(returning.scriptAboveNoneMs)} vs ${ms(vanilla.returning.scriptAboveNoneMs)} (${share(returning.scriptAboveNoneMs, vanilla.returning.scriptAboveNoneMs)})`,
      met: returning.scriptAboveNoneMs <= 0.25 * vanilla.returning.scriptAboveNoneMs,
    },
    {
      target: "first visit: ≤ 8 KB gzip JS+CSS up to the banner",
      measured: kb(first.bytesToBanner),
      met: first.bytesToBanner <= 8000,
    },
    {
      target: "first visit: fewer bytes up to the banner than every peer",
      measured: `${kb(first.bytesToBanner)} vs ${peers.map((p) => `${p.name} ${kb(p.first.bytesToBanner)}`).join(", ")}`,
      met: peers.every((p) => first.bytesToBanner < p.first.bytesToBanner),
    },
    {
      target: "first visit: banner visible before every peer's (median)",
      measured: `${ms(first.bannerMs)} vs ${peers.map((p) => `${p.name} ${ms(p.first.bannerMs)}`).join(", ")}`,
      met: bannerBeforeAll,
    },
    {
      target: "first visit: script time ≤ 60% of vanilla-cookieconsent's",
      measured: `${ms(first.scriptAboveNoneMs)} vs ${ms(vanilla.first.scriptAboveNoneMs)} (${share(first.scriptAboveNoneMs, vanilla.first.scriptAboveNoneMs)})`,
      met: first.scriptAboveNoneMs <= 0.6 * vanilla.first.scriptAboveNoneMs,
    },
    {
      target: "first visit: zero layout shift",
      measured: first.cls.toFixed(4),
      met: first.cls === 0,
    },
    {
      target: "first visit: no task over 50 ms",
      measured: ms(first.longestTaskMs),
      met: first.longestTaskMs <= 50,
    },
  ];
}

/** A row of the table: a manager's summary of one visit kind. */
export interface Row {
  name: string;
  summary: Summary;
  /** The page without a manager: its figures are the baseline, shown without ratios. */
  baseline?: boolean;
}

/** A figure and its ratio to Assent's (`15.5 KB (1.30×)`), unless `own` (Assent's row, the baseline). */
function withRatio(text: string, value: number | null, assent: number | null, own: boolean) {
  if (own || value === null || assent === null || assent === 0) return text;
  return `${text} (${(value / assent).toFixed(2)}×)`;
}

/** The table of one visit kind, as aligned text; ratios are the manager's figure over Assent's. */
export function formatTable(kind: VisitKind, rows: Row[], assent: Summary): string {
  const header = [
    "manager",
    "JS+CSS gzip",
    "to banner",
    "as sent",
    "banner visible",
    "script above none",
    "longest task",
    "longest page task",
    "CLS",
  ];
  const lines = rows.map(({ name, summary: s, baseline }) => {
    const own = s === assent || baseline === true;
    return [
      name,
      withRatio(kb(s.bytes), s.bytes, assent.bytes, own),
      kind !== "returning"
        ? withRatio(kb(s.bytesToBanner), s.bytesToBanner, assent.bytesToBanner, own)
        : "-",
      kind !== "returning"
        ? withRatio(kb(s.wireToBanner), s.wireToBanner, assent.wireToBanner, own)
        : "-",
      kind !== "returning" ? withRatio(ms(s.bannerMs), s.bannerMs, assent.bannerMs, own) : "-",
      withRatio(ms(s.scriptAboveNoneMs), s.scriptAboveNoneMs, assent.scriptAboveNoneMs, own),
      ms(s.longestTaskMs),
      ms(s.longestPageTaskMs),
      s.cls.toFixed(4),
    ];
  });
  const widths = header.map((h, i) =>
    Math.max(h.length, ...lines.map((l) => (l[i] as string).length)),
  );
  const format = (cells: string[]) =>
    cells.map((c, i) => c.padEnd(widths[i] as number)).join(" | ");
  return [
    `${TITLES[kind]} (medians; ratios are the manager's figure over Assent's)`,
    format(header),
    widths.map((w) => "-".repeat(w)).join("-|-"),
    ...lines.map(format),
  ].join("\n");
}

/** The targets as lines: `met    target: measured`. */
export function formatTargets(results: TargetResult[]): string {
  return results
    .map((r) => `${r.met ? "met   " : "MISSED"}  ${r.target}: ${r.measured}`)
    .join("\n");
}
