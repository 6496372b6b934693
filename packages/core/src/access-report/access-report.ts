import type { AccessReport } from "../contracts/subjects.report";
import { wordList } from "./report-records";
import { type AccessReportSiteInput, reportSite } from "./report-site";
import {
  type AccessReportTexts,
  countedText,
  ENGLISH_ACCESS_REPORT,
  reportInstant,
  reportText as text,
} from "./report-texts";

/** Everything an access report is made from, as stored. */
export interface AccessReportInput {
  subjectId: string;
  /** When the report is made (ISO 8601): the retention in effect is the one at this time. */
  generatedAt: string;
  /** Every site the requester may read, in the report's order, with what each holds. */
  sites: readonly AccessReportSiteInput[];
}

const RIGHTS = ["access", "withdraw", "rectification", "erasure", "object", "complain"] as const;

/**
 * A plain-language access report (GDPR and UK GDPR Art. 15, the CCPA's right to know) for one
 * subject id, made only from what is stored: per site, each receipt in time order and in words,
 * what else it keeps, the purposes and recipients of the services it decided, how long and why
 * receipts are kept, erasures already made and how to withdraw; then the subject's rights and
 * the source of the data. Pure: the same input gives the same report.
 * @example buildAccessReport({ subjectId, generatedAt: new Date().toISOString(), sites }).summary
 */
export function buildAccessReport(
  input: AccessReportInput,
  dictionary: AccessReportTexts = ENGLISH_ACCESS_REPORT,
): AccessReport {
  const d = dictionary;
  const sites = input.sites.map((site) => reportSite(site, d, input.generatedAt));
  const heldOn = sites.filter((s) => s.held);
  const records = heldOn.reduce((n, s) => n + s.recordsHeld, 0);
  const erased = sites.some((s) => s.erasures.length > 0);
  const summary = [
    records > 0
      ? countedText(d, "summary.held", records, {
          sites: wordList(
            d,
            heldOn.map((s) => s.name),
          ),
        })
      : text(d, "summary.nothing", { checked: countedText(d, "sites", sites.length) }),
    erased ? text(d, "summary.erased") : "",
  ];
  return {
    subjectId: input.subjectId,
    generatedAt: input.generatedAt,
    language: d.language,
    title: text(d, "title"),
    intro: text(d, "intro", { subjectId: input.subjectId }),
    summary: summary.filter(Boolean).join(" "),
    held: records > 0,
    sites,
    rights: RIGHTS.map((right) => ({
      right,
      title: text(d, `right.${right}`),
      text: text(d, `right.${right}.text`),
    })),
    source: text(d, "source"),
  };
}

/** When the report was made, in its words (`Report made on 2026-01-31 12:00:05 UTC.`). */
export const reportMadeOn = (report: AccessReport, d = ENGLISH_ACCESS_REPORT): string =>
  text(d, "generated", { date: reportInstant(report.generatedAt) });
