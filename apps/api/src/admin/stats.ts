import {
  CONSENT_METHODS,
  type ConsentMethod,
  type MethodCounts,
  type SiteStats,
  type StatsBucket,
} from "@assent/core";

/** A `daily_method_stats` row. */
export interface MethodRow {
  day: number;
  policyVersion: string;
  method: string;
  count: number;
}

/** A `daily_category_stats` row. */
export interface CategoryRow {
  day: number;
  policyVersion: string;
  category: string;
  granted: number;
  denied: number;
}

/** A `daily_jurisdiction_stats` row, summed over days and policy versions. */
export interface PlaceRow {
  jurisdiction: string;
  ruleId: string;
  method: string;
  count: number;
}

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of a day number (days since the Unix epoch, UTC). */
export const dayDate = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

function emptyBucket(): StatsBucket {
  return {
    total: 0,
    methods: Object.fromEntries(CONSENT_METHODS.map((m) => [m, 0])) as Record<
      ConsentMethod,
      number
    >,
    categories: {},
  };
}

function addMethod(bucket: StatsBucket, row: MethodRow): void {
  bucket.total += row.count;
  const method = row.method as ConsentMethod;
  if (method in bucket.methods) bucket.methods[method] += row.count;
}

function bucketOf(map: Record<string, StatsBucket>, key: string): StatsBucket {
  const found = map[key];
  if (found) return found;
  const made = emptyBucket();
  map[key] = made;
  return made;
}

function addCategory(bucket: StatsBucket, row: CategoryRow): void {
  const rate = bucket.categories[row.category] ?? { granted: 0, denied: 0, optInRate: null };
  bucket.categories[row.category] = rate;
  rate.granted += row.granted;
  rate.denied += row.denied;
  const decided = rate.granted + rate.denied;
  rate.optInRate = decided === 0 ? null : rate.granted / decided;
}

/** Methods by place and by rule: `unknown` for no location, `none` for a site without rules. */
function byPlace(rows: readonly PlaceRow[]) {
  const byJurisdiction: Record<string, MethodCounts> = {};
  const byRule: Record<string, MethodCounts> = {};
  const counts = (map: Record<string, MethodCounts>, key: string) => {
    const found = map[key];
    if (found) return found;
    const { total, methods } = emptyBucket();
    map[key] = { total, methods };
    return map[key];
  };
  for (const row of rows) {
    const method = row.method as ConsentMethod;
    for (const c of [
      counts(byJurisdiction, row.jurisdiction || "unknown"),
      counts(byRule, row.ruleId || "none"),
    ]) {
      c.total += row.count;
      if (method in c.methods) c.methods[method] += row.count;
    }
  }
  return { byJurisdiction, byRule };
}

/**
 * Folds the daily rollup rows of a range into per-day, per-policy-version and overall figures,
 * and methods by jurisdiction and rule over the whole range. Every day of the range is present,
 * empty days included, so a chart needs no gap handling.
 */
export function aggregateStats(
  siteKey: string,
  from: number,
  to: number,
  methods: MethodRow[],
  categories: CategoryRow[],
  places: readonly PlaceRow[] = [],
): SiteStats {
  const totals = emptyBucket();
  const byPolicyVersion: Record<string, StatsBucket> = {};
  const days = Array.from({ length: to - from + 1 }, (_, i) => ({
    date: dayDate(from + i),
    ...emptyBucket(),
    byPolicyVersion: {} as Record<string, StatsBucket>,
  }));
  const targets = (day: number, version: string) => {
    const d = days[day - from];
    if (!d) return [];
    return [totals, bucketOf(byPolicyVersion, version), d, bucketOf(d.byPolicyVersion, version)];
  };
  for (const row of methods) for (const b of targets(row.day, row.policyVersion)) addMethod(b, row);
  for (const row of categories) {
    for (const b of targets(row.day, row.policyVersion)) addCategory(b, row);
  }
  return {
    site: siteKey,
    from: dayDate(from),
    to: dayDate(to),
    totals,
    byPolicyVersion,
    ...byPlace(places),
    days,
  };
}
