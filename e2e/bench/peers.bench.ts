import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { CONTENDERS, type ContenderId } from "./peers/contenders";
import {
  checkTargets,
  formatTable,
  formatTargets,
  type Summary,
  summarise,
  VISIT_KINDS,
  type VisitKind,
  type VisitSample,
} from "./peers/report";
import { type Installed, install } from "./peers/site";
import { CPU_THROTTLING, measureVisit, SETTLE_MS } from "./peers/visit";

/** Visits of each kind per manager (medians are taken over them). */
const RUNS = Number(process.env.PEERS_RUNS ?? 5);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`PEERS_RUNS must be a positive integer`);
const OUT = fileURLToPath(new URL("../.bench/", import.meta.url));

/**
 * Assent beside vanilla-cookieconsent 3, Osano cookieconsent 3 and Klaro 0.7 on the same
 * seed-shaped page of the customer's site, and the page without a manager as the baseline.
 * Runs are interleaved (none, Assent, vanilla, Osano, Klaro, none, ...): each run gives every
 * manager a first visit in a fresh context, a decision (accept all), and a returning visit in
 * the same context (the decision stored, the HTTP cache warm), then a first visit of the same
 * page made long in another fresh context (shown in a table of its own, no target reads it).
 * Prints the tables and the targets of issue #15, writes e2e/.bench/peers.json, and fails when
 * a target is missed.
 */
test("Assent and its peers, side by side", async ({ browser }) => {
  const sites = new Map(CONTENDERS.map((c) => [c.id, install(c)] as const));
  const samples = new Map<ContenderId, Record<VisitKind, VisitSample[]>>(
    CONTENDERS.map((c) => [c.id, { first: [], returning: [], long: [] }]),
  );

  for (let run = 0; run < RUNS; run++) {
    for (const contender of CONTENDERS) {
      const { url, longUrl, owns } = sites.get(contender.id) as Installed;
      const mine = samples.get(contender.id) as Record<VisitKind, VisitSample[]>;
      const context = await browser.newContext();
      try {
        const first = await measureVisit(context, contender, url, "first", owns);
        mine.first.push(first.sample);
        await contender.accept(first.page);
        await first.page.close();
        const returning = await measureVisit(context, contender, url, "returning", owns);
        mine.returning.push(returning.sample);
        await returning.page.close();
      } finally {
        await context.close();
      }
      const fresh = await browser.newContext();
      try {
        const long = await measureVisit(fresh, contender, longUrl, "long", owns);
        mine.long.push(long.sample);
        await long.page.close();
      } finally {
        await fresh.close();
      }
    }
  }

  const none = samples.get("none") as Record<VisitKind, VisitSample[]>;
  const summaries = CONTENDERS.map((c) => {
    const mine = samples.get(c.id) as Record<VisitKind, VisitSample[]>;
    const of = (kind: VisitKind) => summarise(mine[kind], summarise(none[kind], 0).scriptMs);
    return { contender: c, first: of("first"), returning: of("returning"), long: of("long") };
  });
  const by = (id: ContenderId) =>
    summaries.find((s) => s.contender.id === id) as (typeof summaries)[number];
  const assent = by("assent");
  const vanilla = by("vanilla-cookieconsent");
  const targets = checkTargets({
    assent,
    vanilla,
    peers: summaries
      .filter((s) => !["none", "assent"].includes(s.contender.id))
      .map((s) => ({ name: s.contender.name, first: s.first })),
  });

  const tables = VISIT_KINDS.map((kind) =>
    formatTable(
      kind,
      summaries.map((s) => ({
        name: s.contender.name,
        summary: s[kind] as Summary,
        baseline: s.contender.id === "none",
      })),
      assent[kind],
    ),
  );
  const limits = summaries
    .filter((s) => s.contender.limits.length > 0)
    .map((s) => `${s.contender.name}:\n${s.contender.limits.map((l) => `  - ${l}`).join("\n")}`);
  console.log(
    [
      `peers benchmark: ${RUNS} interleaved runs, ${CPU_THROTTLING}x CPU throttling, ${browser.version()}`,
      ...tables,
      "where a peer cannot be configured like the others:",
      ...limits,
      "targets of issue #15 for Assent:",
      formatTargets(targets),
    ].join("\n\n"),
  );

  mkdirSync(OUT, { recursive: true });
  writeFileSync(
    join(OUT, "peers.json"),
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        browser: browser.version(),
        runs: RUNS,
        cpuThrottling: CPU_THROTTLING,
        settleMs: SETTLE_MS,
        managers: summaries.map((s) => ({
          id: s.contender.id,
          name: s.contender.name,
          limits: s.contender.limits,
          first: s.first,
          returning: s.returning,
          long: s.long,
          samples: samples.get(s.contender.id),
        })),
        targets,
        met: targets.every((t) => t.met),
      },
      null,
      2,
    )}\n`,
  );

  expect(
    targets.filter((t) => !t.met).map((t) => `${t.target}: ${t.measured}`),
    "targets of issue #15 missed",
  ).toEqual([]);
});
