import * as v from "valibot";
import { CONSENT_METHODS } from "../decision";

const instant = v.pipe(v.string(), v.isoTimestamp());
/** A sentence of the report, in the report's `language`. */
const text = v.string();

/** A category as one record decided it. */
const DecidedCategorySchema = v.object({ id: v.string(), label: v.string(), granted: v.boolean() });

/** A service as one record decided it. */
const DecidedServiceSchema = v.object({
  id: v.string(),
  name: v.string(),
  provider: v.nullable(v.string()),
  granted: v.boolean(),
});

/** What a record holds beside the decision: its value, or `null` when it holds none. */
const RecordDetailSchema = v.object({
  field: v.picklist([
    "id",
    "policyVersion",
    "configVersion",
    "language",
    "pagePath",
    "ip",
    "userAgent",
    "jurisdiction",
    "gpc",
  ]),
  label: text,
  value: v.nullable(v.string()),
  /** The value, or why there is none (`not stored: this site keeps no IP addresses`). */
  text,
});

/** One consent record (receipt), in words. */
const ReportRecordSchema = v.object({
  id: v.string(),
  /** Server time of the record. */
  at: instant,
  method: v.picklist(CONSENT_METHODS),
  /** The method in a few words: `accepted all`, `refused all`, `withdrew`, ... */
  how: text,
  /** When, and what was done, as a sentence. */
  summary: text,
  /** The categories allowed and refused, as a sentence. */
  decision: text,
  /** The services allowed and refused, as a sentence (empty when the site lists none). */
  servicesDecision: text,
  categories: v.array(DecidedCategorySchema),
  services: v.array(DecidedServiceSchema),
  policyVersion: v.string(),
  configVersion: v.nullable(v.number()),
  pagePath: v.nullable(v.string()),
  language: v.string(),
  details: v.array(RecordDetailSchema),
  /** When the retention in effect (and any scheduled change) deletes it. */
  deletedAfter: instant,
  deletion: text,
});

/** A category and its services, as the site describes them. */
const ReportPurposeSchema = v.object({
  id: v.string(),
  label: v.string(),
  description: text,
  services: v.array(
    v.object({
      id: v.string(),
      name: v.string(),
      provider: v.nullable(v.string()),
      purpose: text,
    }),
  ),
});

/** A company that may receive data through the services the site runs. */
const ReportRecipientSchema = v.object({
  provider: v.string(),
  services: v.array(
    v.object({
      id: v.string(),
      name: v.string(),
      /** In the subject's latest record on the site. */
      latest: v.picklist(["allowed", "refused", "not-asked"]),
      /** Allowed in any of the subject's records on the site. */
      everAllowed: v.boolean(),
      text,
    }),
  ),
  /** Where its tags and embeds load from and send data to, from the site or the catalogue. */
  hosts: v.array(v.string()),
  privacyPolicyUrl: v.nullable(v.string()),
  /** Whether it uses what it collects for its own purposes; `null` when unknown. */
  ownPurposes: v.nullable(v.boolean()),
  text,
});

/** One site checked for the subject. */
const ReportSiteSchema = v.object({
  site: v.string(),
  name: v.string(),
  /** Whether any record of the subject is held on the site. */
  held: v.boolean(),
  /** How many records of the subject the site holds: more than `records` lists when it was cut. */
  recordsHeld: v.number(),
  summary: text,
  /** The categories of personal data the records hold. */
  data: v.array(text),
  storage: v.object({ ip: v.picklist(["truncate", "none"]), text }),
  records: v.array(ReportRecordSchema),
  purposes: v.array(ReportPurposeSchema),
  recipients: v.array(ReportRecipientSchema),
  recordsRecipient: text,
  retention: v.object({
    days: v.number(),
    scheduled: v.nullable(v.object({ days: v.number(), from: instant })),
    text,
    why: text,
  }),
  erasures: v.array(
    v.object({ at: instant, auditId: v.number(), records: v.nullable(v.number()), text }),
  ),
  erasureNote: text,
  withdraw: text,
  privacyPolicyUrl: v.nullable(v.string()),
});

/** A right of the subject and how to use it. */
const ReportRightSchema = v.object({
  right: v.picklist(["access", "withdraw", "rectification", "erasure", "object", "complain"]),
  title: text,
  text,
});

/** The access report (`AccessReport`): what is held about one subject id, in words. */
export const AccessReportSchema = v.object({
  subjectId: v.string(),
  generatedAt: instant,
  /** The language of every sentence (`text`) in the report. */
  language: v.string(),
  title: text,
  intro: text,
  summary: text,
  /** Whether any record of the subject is held on any site checked. */
  held: v.boolean(),
  /** Every site the caller may read, in key order: each was checked. */
  sites: v.array(ReportSiteSchema),
  rights: v.array(ReportRightSchema),
  source: text,
});

/** A plain-language access report (`GET /v1/admin/subjects/:subjectId/report`). */
export type AccessReport = v.InferOutput<typeof AccessReportSchema>;
/** One site's part of an access report. */
export type AccessReportSite = AccessReport["sites"][number];
/** One record of an access report. */
export type AccessReportRecord = AccessReportSite["records"][number];

/**
 * `GET /v1/admin/subjects/:subjectId/report`: a plain-language access report for a subject id
 * across every site the caller may read.
 */
export const SubjectsReport = { response: AccessReportSchema };
