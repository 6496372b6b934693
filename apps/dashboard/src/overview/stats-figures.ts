import type { MethodCounts, SiteStats, StatsBucket } from "@assent/core";

/** `YYYY-MM-DD` (UTC) of `days` days before `now`. */
export function utcDay(now: Date, days = 0): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

/** A share as a whole percentage, or an en dash when nothing was counted. */
export function percent(part: number, whole: number | null): string {
  if (!whole) return "–";
  return `${Math.round((part / whole) * 100)}%`;
}

/** The categories of some buckets: `necessary` first, then alphabetical. */
export function statsCategories(buckets: readonly StatsBucket[]): string[] {
  const ids = new Set<string>();
  for (const bucket of buckets) for (const id of Object.keys(bucket.categories)) ids.add(id);
  return [...ids].sort((a, b) => (a === "necessary" ? -1 : b === "necessary" ? 1 : a < b ? -1 : 1));
}

/** The last day of the range: today's figures. */
export function today(stats: SiteStats): StatsBucket {
  return (
    stats.days.at(-1) ?? {
      total: 0,
      methods: stats.totals.methods,
      categories: {},
    }
  );
}

/** The split every overview shows; the other methods are summed as "Other". */
export function methodSplit(bucket: StatsBucket): Array<[label: string, count: number]> {
  const m = bucket.methods;
  const other = m.withdraw + m.gpc + m.api + (m.object ?? 0) + (m["opt-out"] ?? 0);
  return [
    ["Accept all", m["accept-all"]],
    ["Reject all", m["reject-all"]],
    ["Custom", m.custom],
    ["Other (withdrawal, objection, opt-out, GPC, site API)", other],
  ];
}

/** Places with decisions, most decisions first (`unknown`: no trusted location). */
export function jurisdictionRows(stats: SiteStats): Array<[place: string, counts: MethodCounts]> {
  return Object.entries(stats.byJurisdiction ?? {}).sort(
    ([a, x], [b, y]) => y.total - x.total || (a < b ? -1 : 1),
  );
}

/** Daily opt-in rates per category as uPlot wants them: x in seconds, then one series each. */
export function rateSeries(stats: SiteStats, categories: readonly string[]): number[][] {
  const xs = stats.days.map((d) => Date.parse(d.date) / 1000);
  const series = categories.map((id) =>
    stats.days.map((d) => {
      const rate = d.categories[id]?.optInRate;
      return rate === null || rate === undefined ? Number.NaN : Math.round(rate * 1000) / 10;
    }),
  );
  return [xs, ...series];
}
