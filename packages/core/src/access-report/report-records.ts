import type { AccessReportRecord } from "../contracts/subjects.report";
import type { StoredReceipt } from "../receipt";
import { categoryLabel, type ReportConfig, serviceFacts } from "./report-labels";
import { type AccessReportTexts, reportInstant, reportText as text } from "./report-texts";

/** What of a stored receipt the report reads. */
export type ReportReceipt = Pick<
  StoredReceipt,
  | "id"
  | "serverTime"
  | "method"
  | "decision"
  | "policyVersion"
  | "configHash"
  | "language"
  | "gpc"
  | "gpcHeader"
  | "ip"
  | "userAgent"
  | "jurisdiction"
> &
  Partial<Pick<StoredReceipt, "configVersion" | "pagePath" | "subdivision">>;

/** A published configuration version of the site. */
export interface ReportConfigVersion {
  version: number;
  hash: string;
  config: ReportConfig;
}

/** How long the site keeps receipts: the retention in effect, and a lowering scheduled. */
export interface ReportRetention {
  days: number;
  scheduled: { days: number; from: string } | null;
}

/** What one record is read against. */
export interface RecordContext {
  dictionary: AccessReportTexts;
  ipMode: "truncate" | "none";
  retention: ReportRetention;
  /** The version the receipt names, or else the site's latest. */
  configFor(receipt: ReportReceipt): ReportConfigVersion | null;
}

const DAY_MS = 86_400_000;

/** Ids in the configuration's order, then those only the decision names. */
function ordered(configured: readonly string[], decided: Record<string, boolean>): string[] {
  const present = configured.filter((id) => Object.hasOwn(decided, id));
  return [...present, ...Object.keys(decided).filter((id) => !present.includes(id))];
}

/** A list in words (`a, b and c`), or the dictionary's "none". */
export function wordList(dictionary: AccessReportTexts, items: readonly string[]): string {
  if (items.length === 0) return text(dictionary, "list.none");
  return new Intl.ListFormat(dictionary.language, { type: "conjunction" }).format(items);
}

/**
 * When the purge deletes a receipt: its retention after it was made; sooner when a scheduled
 * lowering applies first (never before the lowering takes effect).
 */
export function deletedAfter(serverTime: string, retention: ReportRetention): string {
  const made = Date.parse(serverTime);
  let at = made + retention.days * DAY_MS;
  const lower = retention.scheduled;
  if (lower && lower.days < retention.days) {
    at = Math.min(at, Math.max(Date.parse(lower.from), made + lower.days * DAY_MS));
  }
  return new Date(at).toISOString();
}

/** One receipt, in words. */
export function reportRecord(receipt: ReportReceipt, ctx: RecordContext): AccessReportRecord {
  const { dictionary: d } = ctx;
  const published = ctx.configFor(receipt);
  const config = published?.config ?? null;
  const { categories: chosen, services: picked } = receipt.decision;
  const categories = ordered(config?.categories.map((c) => c.id) ?? [], chosen).map((id) => ({
    id,
    label: categoryLabel(config, d.language, id),
    granted: chosen[id] === true,
  }));
  const services = ordered(config?.services.map((s) => s.id) ?? [], picked).map((id) => {
    const facts = serviceFacts(config, id);
    return { id, name: facts.name, provider: facts.provider, granted: picked[id] === true };
  });
  const named = (s: (typeof services)[number]) =>
    s.provider && s.provider !== s.name
      ? text(d, "record.service", { name: s.name, provider: s.provider })
      : s.name;
  const list = <T extends { granted: boolean }>(
    items: T[],
    granted: boolean,
    word: (item: T) => string,
  ) => wordList(d, items.filter((i) => i.granted === granted).map(word));
  const deletion = deletedAfter(receipt.serverTime, ctx.retention);
  const configVersion = receipt.configVersion ?? published?.version ?? null;
  const place = receipt.subdivision ?? receipt.jurisdiction;
  const gpc = receipt.gpc || receipt.gpcHeader;
  const notRecorded = text(d, "detail.notRecorded");
  const detail = (field: AccessReportRecord["details"][number]["field"], value: string | null) => ({
    field,
    label: text(d, `detail.${field}`),
    value,
    text: value ?? notRecorded,
  });
  return {
    id: receipt.id,
    at: receipt.serverTime,
    method: receipt.method,
    how: text(d, `how.${receipt.method}`),
    summary: text(d, "record.summary", {
      date: reportInstant(receipt.serverTime),
      method: text(d, `method.${receipt.method}`),
    }),
    decision: [
      text(d, "record.allowed", { list: list(categories, true, (c) => c.label) }),
      text(d, "record.refused", { list: list(categories, false, (c) => c.label) }),
    ].join(" "),
    servicesDecision:
      services.length === 0
        ? ""
        : [
            text(d, "record.servicesAllowed", { list: list(services, true, named) }),
            text(d, "record.servicesRefused", { list: list(services, false, named) }),
          ].join(" "),
    categories,
    services,
    policyVersion: receipt.policyVersion,
    configVersion,
    pagePath: receipt.pagePath ?? null,
    language: receipt.language,
    details: [
      detail("id", receipt.id),
      detail("policyVersion", receipt.policyVersion),
      detail("configVersion", configVersion === null ? null : String(configVersion)),
      detail("language", receipt.language),
      detail("pagePath", receipt.pagePath ?? null),
      {
        ...detail("ip", receipt.ip),
        ...(receipt.ip === null && ctx.ipMode === "none"
          ? { text: text(d, "detail.ipNotStored") }
          : {}),
      },
      detail("userAgent", receipt.userAgent),
      detail("jurisdiction", place ?? null),
      {
        ...detail("gpc", String(gpc)),
        text: text(d, gpc ? "detail.gpc.sent" : "detail.gpc.notSent"),
      },
    ],
    deletedAfter: deletion,
    deletion: text(d, "record.deletion", { date: reportInstant(deletion) }),
  };
}
