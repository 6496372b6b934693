import {
  type AccessReport,
  buildAccessReport,
  type ConfigState,
  decide,
  newSubjectId,
  SubjectsReport,
  warningRules,
} from "@assent/core";
import { sites } from "@assent/db";
import { asc } from "drizzle-orm";
import * as v from "valibot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { subjectRef } from "../audit";
import type { PublishedConfig } from "../sites";
import { createTestApp } from "../test-support/test-app";
import { subjectReportInput } from "./subjects-report";

/**
 * The report from what a real database holds: receipts posted to the API on three sites (one
 * keeping no IP address, one whose records of the subject were erased), read back and told.
 */
let t: Awaited<ReturnType<typeof createTestApp>>;
let admin: Awaited<ReturnType<typeof t.admin>>;
beforeEach(async () => {
  // Behind one trusted proxy that says where visitors are, as a deployment behind a CDN.
  t = await createTestApp({ clientIp: "127.0.0.1", trustProxy: { kind: "hops", hops: 1 } });
  admin = await t.admin();
});
afterEach(async () => t.close());

const VISITOR = {
  "User-Agent": "Mozilla/5.0 (Report test)",
  "X-Forwarded-For": "198.51.100.23",
  "CF-IPCountry": "GB",
};

async function published(key: string): Promise<PublishedConfig> {
  const state = (await (await admin.get(`/v1/admin/sites/${key}/config`)).json()) as ConfigState;
  if (!state.published) throw new Error(`${key} has nothing published`);
  return state.published as unknown as PublishedConfig;
}

async function newSite(key: string, settings: Record<string, unknown> = {}) {
  const res = await admin.request("POST", "/v1/admin/sites", {
    key,
    name: `Site ${key}`,
    ...settings,
  });
  expect(res.status).toBe(201);
}

async function send(
  key: string,
  subjectId: string,
  method: "accept-all" | "reject-all" | "custom",
) {
  const config = await published(key);
  const receipt = t.receiptFor(key, config, {
    subjectId,
    method,
    ...(method === "custom"
      ? { decision: decide(config.config, { categories: { analytics: true } }) }
      : {}),
  });
  expect((await t.post("/v1/receipts", receipt, VISITOR)).status).toBe(201);
  return receipt.id;
}

/** The report of every site, as an owner of all of them would get it. */
async function reportOf(subjectId: string): Promise<AccessReport> {
  const all = await t.db.select().from(sites).orderBy(asc(sites.key));
  const input = await subjectReportInput(
    t.db,
    all,
    subjectId,
    await subjectRef(subjectId),
    Date.now(),
  );
  return buildAccessReport(input);
}

describe("the access report, from stored receipts", () => {
  it("tells every site's records of the subject, with what each site keeps", async () => {
    const subject = newSubjectId();
    await newSite("shop", { ipMode: "none", retentionDays: 400, minRetentionDays: 400 });
    await newSite("zine");
    const accepted = await send("demo", subject, "accept-all");
    await send("demo", newSubjectId(), "accept-all");
    // The demo's banner changes its wording: the next record is told in the new words.
    const v1 = await published("demo");
    const draft = {
      ...v1.config,
      texts: { en: { "category.analytics": "Visit statistics" } },
    };
    const saved = await admin.request("PUT", "/v1/admin/sites/demo/config/draft", draft);
    const acknowledge = warningRules(((await saved.json()) as ConfigState).findings);
    const publish = await admin.request("POST", "/v1/admin/sites/demo/config/publish", {
      acknowledge,
    });
    expect(publish.status).toBe(201);
    const refused = await send("demo", subject, "reject-all");
    await send("shop", subject, "custom");
    await send("zine", subject, "accept-all");
    const erased = await admin.request("DELETE", `/v1/admin/subjects/${subject}?site=zine`);
    const { auditId } = (await erased.json()) as { auditId: number };

    const report = await reportOf(subject);
    expect(v.safeParse(SubjectsReport.response, report).issues).toBeUndefined();
    expect(report.held).toBe(true);
    expect(report.summary).toBe(
      `3 records about this consent ID are held, on ${report.sites[0]?.name} and Site shop. Records erased earlier are no longer linked to it: see the erasures below.`,
    );
    const [demo, shop, zine] = report.sites;

    expect(demo?.site).toBe("demo");
    expect(demo?.records.map((r) => [r.id, r.how, r.configVersion])).toEqual([
      [accepted, "accepted all", 1],
      [refused, "refused all", 2],
    ]);
    expect(demo?.records[0]?.decision).toContain("Allowed:");
    expect(demo?.records[0]?.decision).toContain("Analytics");
    expect(demo?.records[1]?.decision).toContain("Visit statistics");
    expect(demo?.records[1]?.decision).toMatch(/^Allowed: Strictly necessary\. Refused: /);
    const details = Object.fromEntries(
      demo?.records[0]?.details.map((d) => [d.field, d.text]) ?? [],
    );
    expect(details).toMatchObject({
      ip: "198.51.100.0",
      userAgent: "Mozilla/5.0 (Report test)",
      jurisdiction: "GB",
      pagePath: "/demo/",
      language: "en",
      policyVersion: "1",
    });
    expect(demo?.retention.days).toBe(2190);
    expect(demo?.retention.text).toContain("2190 days (6 years)");
    expect(demo?.recipients.map((r) => r.provider)).toEqual(expect.arrayContaining(["Google"]));

    expect(shop?.storage.ip).toBe("none");
    expect(shop?.records).toHaveLength(1);
    expect(shop?.records[0]?.how).toBe("made your own choice");
    expect(shop?.records[0]?.details.find((d) => d.field === "ip")?.text).toBe(
      "not stored: this site keeps no IP addresses",
    );
    expect(shop?.retention.text).toBe(
      "Each record is kept for 400 days after it was made, then deleted.",
    );

    expect(zine?.held).toBe(false);
    expect(zine?.records).toEqual([]);
    expect(zine?.erasures).toEqual([expect.objectContaining({ auditId, records: 1 })]);
    expect(zine?.summary).toBe(
      "Nothing is held about this consent ID on Site zine any more: it was erased.",
    );
  });

  it("says nothing is held for an id never seen, on each site checked", async () => {
    await newSite("shop");
    const report = await reportOf(newSubjectId());
    expect(report.held).toBe(false);
    expect(report.summary).toBe(
      "Nothing is held about this consent ID on the 2 sites checked: no record of a choice carries it.",
    );
    expect(report.sites.map((s) => [s.site, s.held, s.records.length])).toEqual([
      ["demo", false, 0],
      ["shop", false, 0],
    ]);
  });
});
