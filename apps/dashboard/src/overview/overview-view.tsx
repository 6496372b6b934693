import type { SiteStats, StatsBucket } from "@assent/core";
import { useMemo } from "preact/hooks";
import { getStats } from "../api";
import { categoryLabel } from "../records/category-columns";
import { LoadState, useAdmin, useLoad } from "../ui";
import { RatesChart } from "./rates-chart";
import {
  jurisdictionRows,
  methodSplit,
  percent,
  rateSeries,
  statsCategories,
  today,
  utcDay,
} from "./stats-figures";

/** A site at a glance: consent rates today and over 30 days, the decision split, by version. */
export function OverviewView({ now = () => new Date() }: { now?: () => Date }) {
  const { site } = useAdmin();
  const stats = useLoad(() => {
    const date = now();
    return getStats(site.key, utcDay(date, 29), utcDay(date));
  }, site.key);
  if (!stats.data) return <LoadState loaded={stats} what="statistics" />;
  return <Overview stats={stats.data} />;
}

function Overview({ stats }: { stats: SiteStats }) {
  const day = today(stats);
  const categories = useMemo(() => statsCategories([stats.totals]), [stats]);
  const series = useMemo(() => rateSeries(stats, categories), [stats, categories]);
  const versions = Object.entries(stats.byPolicyVersion);
  return (
    <div class="overview">
      <p class="totals">
        <span>
          Today: <strong data-testid="total-today">{day.total}</strong> decisions
        </span>
        <span>
          Last 30 days: <strong data-testid="total-30">{stats.totals.total}</strong> decisions
        </span>
      </p>
      {categories.length > 0 && <RatesChart categories={categories} data={series} />}
      <section aria-labelledby="rates-heading" class="table-scroll" tabindex={0}>
        <h2 id="rates-heading">Consent rates by category</h2>
        <table class="figures">
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col">Today</th>
              <th scope="col">Last 30 days</th>
            </tr>
          </thead>
          <tbody>
            {categories.map((id) => (
              <tr key={id} data-category={id}>
                <th scope="row">{categoryLabel(id)}</th>
                <td>{rate(day, id)}</td>
                <td>{rate(stats.totals, id)}</td>
              </tr>
            ))}
            {categories.length === 0 && (
              <tr>
                <td colspan={3}>No decisions in the last 30 days.</td>
              </tr>
            )}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="split-heading" class="table-scroll" tabindex={0}>
        <h2 id="split-heading">How visitors decided</h2>
        <table class="figures">
          <thead>
            <tr>
              <th scope="col">Decision</th>
              <th scope="col">Today</th>
              <th scope="col">Last 30 days</th>
            </tr>
          </thead>
          <tbody>
            {methodSplit(stats.totals).map(([label, count], i) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{split(day, i)}</td>
                <td>
                  {count} ({percent(count, stats.totals.total)})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="versions-heading" class="table-scroll" tabindex={0}>
        <h2 id="versions-heading">By policy version (last 30 days)</h2>
        <table class="figures">
          <thead>
            <tr>
              <th scope="col">Policy version</th>
              <th scope="col">Decisions</th>
              <th scope="col">Accept all</th>
              <th scope="col">Reject all</th>
              <th scope="col">Custom</th>
            </tr>
          </thead>
          <tbody>
            {versions.map(([version, bucket]) => (
              <tr key={version} data-policy-version={version}>
                <th scope="row">{version}</th>
                <td>{bucket.total}</td>
                {methodSplit(bucket)
                  .slice(0, 3)
                  .map(([label, count]) => (
                    <td key={label}>
                      {count} ({percent(count, bucket.total)})
                    </td>
                  ))}
              </tr>
            ))}
            {versions.length === 0 && (
              <tr>
                <td colspan={5}>No decisions in the last 30 days.</td>
              </tr>
            )}
          </tbody>
        </table>
      </section>
      <ByJurisdiction stats={stats} />
    </div>
  );
}

/** The methods the table by jurisdiction counts, in its columns' order. */
const COUNTED = ["accept-all", "reject-all", "object", "opt-out"] as const;

/** Decisions by place over the range: consent, refusal, objection and opt-out rates. */
function ByJurisdiction({ stats }: { stats: SiteStats }) {
  const rows = jurisdictionRows(stats);
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="places-heading" class="table-scroll" tabindex={0}>
      <h2 id="places-heading">By jurisdiction (last 30 days)</h2>
      <table class="figures">
        <thead>
          <tr>
            <th scope="col">Jurisdiction</th>
            <th scope="col">Decisions</th>
            <th scope="col">Accept all</th>
            <th scope="col">Reject all</th>
            <th scope="col">Objections</th>
            <th scope="col">Opt-outs</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([place, c]) => (
            <tr key={place} data-jurisdiction={place}>
              <th scope="row">{place === "unknown" ? "Unknown" : place}</th>
              <td>{c.total}</td>
              {COUNTED.map((method) => (
                <td key={method}>
                  {c.methods[method] ?? 0} ({percent(c.methods[method] ?? 0, c.total)})
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function rate(bucket: StatsBucket, id: string): string {
  const c = bucket.categories[id];
  if (!c || c.optInRate === null) return "–";
  return `${Math.round(c.optInRate * 100)}% (${c.granted} of ${c.granted + c.denied})`;
}

function split(bucket: StatsBucket, index: number): string {
  const entry = methodSplit(bucket)[index];
  return entry ? `${entry[1]} (${percent(entry[1], bucket.total)})` : "–";
}
