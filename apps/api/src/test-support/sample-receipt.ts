import { newSubjectId, uuidv7 } from "@assent/core";
import { type ReceiptRow, receiptRow } from "../receipts";

/** What a sample receipt may set; everything else is a fixed "custom" choice for site `demo`. */
export interface SampleReceipt {
  id?: string;
  siteId?: number;
  categories?: Record<string, boolean>;
  pagePath?: string;
  serverTime?: number;
  ip?: string | null;
  userAgent?: string | null;
}

/**
 * An unsigned receipt row as ingestion builds it, for tests and benchmarks that write receipts
 * without going through HTTP: a fresh id and subject each call unless `id` is given.
 */
export function sampleReceiptRow(options: SampleReceipt = {}): ReceiptRow {
  const categories = options.categories ?? { necessary: true, analytics: false };
  return receiptRow(
    {
      id: options.id ?? uuidv7(),
      siteKey: "demo",
      subjectId: newSubjectId(),
      policyVersion: "1",
      configHash: "a".repeat(64),
      language: "en",
      method: "custom",
      decision: { categories, services: {} },
      gpc: false,
      pagePath: options.pagePath,
    },
    {
      siteId: options.siteId ?? 1,
      serverTime: options.serverTime ?? Date.now(),
      ip: options.ip ?? null,
      userAgent: options.userAgent ?? null,
      gpcHeader: false,
      jurisdiction: null,
      subdivision: null,
      ruleId: null,
      configVersion: null,
    },
  );
}
