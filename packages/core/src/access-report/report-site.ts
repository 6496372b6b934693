import type { AccessReportSite } from "../contracts/subjects.report";
import {
  absoluteUrl,
  bannerText,
  categoryLabel,
  type ReportConfig,
  serviceFacts,
} from "./report-labels";
import {
  type ReportConfigVersion,
  type ReportReceipt,
  type ReportRetention,
  reportRecord,
} from "./report-records";
import {
  type AccessReportTexts,
  countedText,
  reportInstant,
  reportText as text,
} from "./report-texts";

/** One site as the report reads it: its settings, configurations, receipts and erasures. */
export interface AccessReportSiteInput {
  key: string;
  name: string;
  /** How much of the IP address the site keeps (`sites.ip_mode`). */
  ipMode: "truncate" | "none";
  /** Days a receipt is kept (`sites.retention_days`). */
  retentionDays: number;
  /** A lowering of retention scheduled and not applied yet, or `null`. */
  scheduledRetention: { retentionDays: number; effectiveAt: string } | null;
  /** Where the site's own paths (a privacy policy at `/privacy`) are: its first allowed origin. */
  origin: string | null;
  /** The versions the receipts name, and the latest (what the site shows now). */
  configs: readonly ReportConfigVersion[];
  /** The subject's receipts on the site, oldest first (at most 10,000). */
  receipts: readonly ReportReceipt[];
  /** How many receipts the site holds in all, when more than `receipts` lists. */
  held?: number;
  /** The subject's erasures on the site (`subject.erase` audit entries). */
  erasures: ReadonlyArray<{ at: string; auditId: number; records: number | null }>;
}

/** The retention in effect at `now`: a scheduled lowering already due counts as applied. */
function retentionAt(site: AccessReportSiteInput, now: string): ReportRetention {
  const lower = site.scheduledRetention;
  if (!lower) return { days: site.retentionDays, scheduled: null };
  if (Date.parse(lower.effectiveAt) <= Date.parse(now)) {
    return { days: lower.retentionDays, scheduled: null };
  }
  return {
    days: site.retentionDays,
    scheduled: { days: lower.retentionDays, from: lower.effectiveAt },
  };
}

/** A number of days in words, with years when it is a whole number of them. */
function duration(d: AccessReportTexts, days: number): string {
  const inDays = countedText(d, "days", days);
  return days >= 365 && days % 365 === 0
    ? countedText(d, "days.years", days / 365, { days: inDays })
    : inDays;
}

/** The categories and services of the configurations, newest first, each described once. */
function purposes(d: AccessReportTexts, versions: readonly ReportConfigVersion[]) {
  const seen = new Map<string, ReportConfig>();
  const services = new Map<string, { category: string; config: ReportConfig }>();
  for (const { config } of versions) {
    for (const c of config.categories) if (!seen.has(c.id)) seen.set(c.id, config);
    for (const s of config.services) {
      if (!services.has(s.id)) services.set(s.id, { category: s.category, config });
    }
  }
  return [...seen].map(([id, config]) => ({
    id,
    label: categoryLabel(config, d.language, id),
    description:
      bannerText(config, d.language, `category.${id}.description`) ?? text(d, "purpose.none"),
    services: [...services]
      .filter(([, s]) => s.category === id)
      .map(([service, s]) => {
        const facts = serviceFacts(s.config, service);
        const purpose = facts.purpose ?? text(d, "purpose.none");
        return { id: service, name: facts.name, provider: facts.provider, purpose };
      }),
  }));
}

/** The providers of the services, with what the subject's records allowed each to do. */
function recipients(
  d: AccessReportTexts,
  versions: readonly ReportConfigVersion[],
  receipts: readonly ReportReceipt[],
): AccessReportSite["recipients"] {
  const latest = receipts.at(-1)?.decision.services ?? {};
  const byProvider = new Map<string, AccessReportSite["recipients"][number]>();
  const uses = new Map<string, Set<string>>();
  const listed = new Set<string>();
  for (const { config } of versions) {
    for (const { id } of config.services) {
      if (listed.has(id)) continue;
      listed.add(id);
      const facts = serviceFacts(config, id);
      const provider = facts.provider ?? facts.name;
      const everAllowed = receipts.some((r) => r.decision.services[id] === true);
      const state = !Object.hasOwn(latest, id) ? "not-asked" : latest[id] ? "allowed" : "refused";
      const key = state === "refused" && everAllowed ? "refusedAfter" : state;
      const entry = byProvider.get(provider) ?? {
        provider,
        services: [],
        hosts: [],
        privacyPolicyUrl: facts.privacyPolicyUrl,
        ownPurposes: null,
        text: "",
      };
      entry.services.push({
        id,
        name: facts.name,
        latest: state,
        everAllowed,
        text: text(d, `recipient.latest.${key}`, { name: facts.name }),
      });
      for (const host of facts.hosts) if (!entry.hosts.includes(host)) entry.hosts.push(host);
      if (facts.dataUse) uses.set(provider, (uses.get(provider) ?? new Set()).add(facts.dataUse));
      byProvider.set(provider, entry);
    }
  }
  return [...byProvider.values()].map((entry) => {
    const use = uses.get(entry.provider);
    const kind = use?.has("own")
      ? "own"
      : use?.has("signals")
        ? "signals"
        : use
          ? "processor"
          : null;
    const sentences = [
      kind ? text(d, `recipient.${kind}`, { provider: entry.provider }) : "",
      entry.hosts.length ? text(d, "recipient.hosts", { hosts: entry.hosts.join(", ") }) : "",
    ];
    return {
      ...entry,
      ownPurposes: kind === null ? null : kind !== "processor",
      text: sentences.filter(Boolean).join(" "),
    };
  });
}

/** The categories of personal data the receipts hold. */
function dataHeld(d: AccessReportTexts, receipts: readonly ReportReceipt[]): string[] {
  const any = (has: (r: ReportReceipt) => unknown) => receipts.some((r) => has(r));
  return [
    text(d, "data.consentId"),
    text(d, "data.time"),
    text(d, "data.choices"),
    text(d, "data.versions"),
    ...(any((r) => r.pagePath) ? [text(d, "data.pagePath")] : []),
    ...(any((r) => r.ip) ? [text(d, "data.ip")] : []),
    ...(any((r) => r.userAgent) ? [text(d, "data.userAgent")] : []),
    ...(any((r) => r.jurisdiction ?? r.subdivision) ? [text(d, "data.jurisdiction")] : []),
    ...(any((r) => r.gpc || r.gpcHeader) ? [text(d, "data.gpc")] : []),
  ];
}

/** One site's part of the report. */
export function reportSite(
  site: AccessReportSiteInput,
  d: AccessReportTexts,
  now: string,
): AccessReportSite {
  const receipts = [...site.receipts].sort(
    (a, b) => a.serverTime.localeCompare(b.serverTime) || a.id.localeCompare(b.id),
  );
  const versions = [...site.configs].sort((a, b) => b.version - a.version);
  const current = versions[0] ?? null;
  const retention = retentionAt(site, now);
  const configFor = (r: ReportReceipt) => versions.find((v) => v.hash === r.configHash) ?? current;
  const records = receipts.map((r) =>
    reportRecord(r, { dictionary: d, ipMode: site.ipMode, retention, configFor }),
  );
  const used = versions.filter((v) => receipts.some((r) => configFor(r) === v));
  const first = records[0];
  const last = records.at(-1);
  const erasures = [...site.erasures]
    .sort((a, b) => a.at.localeCompare(b.at) || a.auditId - b.auditId)
    .map((e) => {
      const values = { date: reportInstant(e.at), auditId: e.auditId };
      return {
        ...e,
        text:
          e.records === null
            ? text(d, "erasure.unknown", values)
            : countedText(d, "erasure", e.records, values),
      };
    });
  const recordsHeld = Math.max(site.held ?? 0, records.length);
  const summary =
    first && last
      ? [
          countedText(d, "site.held", recordsHeld, {
            first: reportInstant(first.at),
            last: reportInstant(last.at),
          }),
          recordsHeld > records.length
            ? text(d, "site.cut", { listed: records.length, name: site.name })
            : "",
          text(d, "site.latest", { how: last.how }),
        ]
          .filter(Boolean)
          .join(" ")
      : text(d, erasures.length ? "site.erased" : "site.nothing", { name: site.name });
  const floating = current?.config.ui?.floatingButton === true;
  return {
    site: site.key,
    name: site.name,
    held: records.length > 0,
    recordsHeld,
    summary,
    data: records.length ? dataHeld(d, receipts) : [],
    storage: { ip: site.ipMode, text: text(d, `storage.${site.ipMode}`) },
    records,
    purposes: purposes(d, used),
    recipients: recipients(d, used, receipts),
    recordsRecipient: text(d, "recipients.records", { name: site.name }),
    retention: {
      ...retention,
      text: [
        text(d, "retention.kept", { duration: duration(d, retention.days) }),
        retention.scheduled
          ? text(d, "retention.scheduled", {
              date: reportInstant(retention.scheduled.from),
              duration: duration(d, retention.scheduled.days),
            })
          : "",
      ]
        .filter(Boolean)
        .join(" "),
      why: text(d, "retention.why"),
    },
    erasures,
    erasureNote: erasures.length ? text(d, "erasure.note") : "",
    withdraw: text(d, floating ? "withdraw.everyPage" : "withdraw.linkOrButton", {
      name: site.name,
    }),
    privacyPolicyUrl: absoluteUrl(current?.config.privacyPolicyUrl, site.origin),
  };
}
