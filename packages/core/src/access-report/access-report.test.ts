import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { AccessReportSchema } from "../contracts/subjects.report";
import { acceptAll, decide } from "../decision";
import { defaultSiteConfig } from "../site-config";
import { type AccessReportSiteInput, buildAccessReport, reportText } from ".";
import type { ReportReceipt } from "./report-records";
import { ENGLISH_ACCESS_REPORT } from "./report-texts";

const SUBJECT = "AbCdEfGhIjKlMnOpQrStUv";
const NOW = "2026-03-01T09:00:00.000Z";
const config = defaultSiteConfig("guild", [
  { id: "google-analytics", category: "analytics" },
  { id: "meta-pixel", category: "marketing" },
  { id: "youtube", category: "embeds" },
]);
const v1 = { version: 1, hash: "1".repeat(64), config };

function receipt(overrides: Partial<ReportReceipt> = {}): ReportReceipt {
  return {
    id: "0192f0c1-7a3b-7c00-8000-000000000001",
    serverTime: "2026-01-10T10:00:00.000Z",
    method: "accept-all",
    decision: acceptAll(config),
    policyVersion: "1",
    configHash: v1.hash,
    language: "en-GB",
    gpc: false,
    gpcHeader: false,
    ip: "203.0.113.0",
    userAgent: "Mozilla/5.0 (X11; Linux x86_64)",
    jurisdiction: "GB",
    pagePath: "/join/",
    ...overrides,
  };
}

function site(overrides: Partial<AccessReportSiteInput> = {}): AccessReportSiteInput {
  return {
    key: "guild",
    name: "The Guild",
    ipMode: "truncate",
    retentionDays: 2190,
    scheduledRetention: null,
    origin: "https://www.guild.example",
    configs: [v1],
    receipts: [],
    erasures: [],
    ...overrides,
  };
}

const build = (...sites: AccessReportSiteInput[]) =>
  buildAccessReport({ subjectId: SUBJECT, generatedAt: NOW, sites });

describe("buildAccessReport", () => {
  it("says when a site holds more records than the report lists, and counts them all", () => {
    const report = build(site({ receipts: [receipt()], held: 10_005 }));
    expect(v.safeParse(AccessReportSchema, report).issues).toBeUndefined();
    expect(report.summary).toBe("10005 records about this consent ID are held, on The Guild.");
    const [guild] = report.sites;
    expect(guild?.recordsHeld).toBe(10_005);
    expect(guild?.summary).toContain(
      "Only the first 1 are listed below: ask The Guild for the rest, which it keeps under the same consent ID.",
    );
    expect(build(site({ receipts: [receipt()] })).sites[0]?.summary).not.toContain(
      "Only the first",
    );
  });

  it("tells each choice in words, oldest first, with what is kept beside it", () => {
    const withdrawn = receipt({
      id: "0192f0c1-7a3b-7c00-8000-000000000002",
      serverTime: "2026-02-01T08:30:00.000Z",
      method: "withdraw",
      decision: decide(config, {}),
    });
    const report = build(site({ receipts: [withdrawn, receipt()] }));
    expect(v.safeParse(AccessReportSchema, report).issues).toBeUndefined();
    const [guild] = report.sites;
    expect(report.held).toBe(true);
    expect(report.summary).toBe("2 records about this consent ID are held, on The Guild.");
    expect(guild?.records.map((r) => r.how)).toEqual(["accepted all", "withdrew"]);
    const [first, second] = guild?.records ?? [];
    expect(first?.summary).toBe("2026-01-10 10:00:00 UTC: You accepted all.");
    expect(first?.decision).toBe(
      "Allowed: Strictly necessary, Preferences, Analytics, Marketing, and Embedded content and social media. Refused: none.",
    );
    expect(first?.servicesDecision).toContain("Google Analytics by Google");
    expect(second?.decision).toContain(
      "Refused: Preferences, Analytics, Marketing, and Embedded content and social media.",
    );
    expect(first?.details.find((d) => d.field === "ip")?.text).toBe("203.0.113.0");
    expect(first?.details.find((d) => d.field === "pagePath")?.text).toBe("/join/");
    expect(first?.configVersion).toBe(1);
    expect(first?.deletedAfter).toBe("2032-01-09T10:00:00.000Z");
    expect(guild?.summary).toContain("Your latest choice: withdrew.");
    expect(guild?.data.join(" ")).toContain("a shortened IP address");
    expect(guild?.privacyPolicyUrl).toBe("https://www.guild.example/privacy");
  });

  it("describes purposes and recipients from the configuration and the catalogue", () => {
    const own = {
      ...config,
      texts: { en: { "category.analytics.description": "Counting members' visits." } },
    };
    const report = build(site({ configs: [{ ...v1, config: own }], receipts: [receipt()] }));
    const [guild] = report.sites;
    const analytics = guild?.purposes.find((p) => p.id === "analytics");
    expect(analytics?.description).toBe("Counting members' visits.");
    expect(analytics?.services.map((s) => s.name)).toEqual(["Google Analytics"]);
    const google = guild?.recipients.find((r) => r.provider === "Google");
    expect(google?.services.map((s) => s.id)).toEqual(["google-analytics", "youtube"]);
    expect(google?.hosts).toContain("google-analytics.com");
    expect(google?.ownPurposes).toBe(true);
    expect(google?.services[0]?.text).toBe("Google Analytics: allowed in your latest choice.");
    expect(guild?.recipients.find((r) => r.provider === "Meta")?.text).toContain("facebook.net");
  });

  it("says a refusal followed an earlier consent", () => {
    const later = receipt({
      id: "0192f0c1-7a3b-7c00-8000-000000000003",
      serverTime: "2026-01-11T10:00:00.000Z",
      method: "reject-all",
      decision: decide(config, {}),
    });
    const [guild] = build(site({ receipts: [receipt(), later] })).sites;
    const meta = guild?.recipients.find((r) => r.provider === "Meta");
    expect(meta?.services[0]).toMatchObject({ latest: "refused", everAllowed: true });
    expect(meta?.services[0]?.text).toBe(
      "Meta Pixel: refused in your latest choice, allowed in an earlier one.",
    );
  });

  it("says that a site keeps no IP address, rather than leaving it blank", () => {
    const [guild] = build(site({ ipMode: "none", receipts: [receipt({ ip: null })] })).sites;
    expect(guild?.records[0]?.details.find((d) => d.field === "ip")?.text).toBe(
      "not stored: this site keeps no IP addresses",
    );
    expect(guild?.storage.text).toBe("This site keeps no IP address with its records.");
    expect(guild?.data.join(" ")).not.toContain("IP address");
  });

  it("reads retention as stored, with a scheduled lowering, and why it is kept", () => {
    const [guild] = build(
      site({
        retentionDays: 730,
        scheduledRetention: { retentionDays: 400, effectiveAt: "2026-03-08T09:00:00.000Z" },
        receipts: [receipt()],
      }),
    ).sites;
    expect(guild?.retention).toMatchObject({
      days: 730,
      scheduled: { days: 400, from: "2026-03-08T09:00:00.000Z" },
    });
    expect(guild?.retention.text).toBe(
      "Each record is kept for 730 days (2 years) after it was made, then deleted. From 2026-03-08 09:00:00 UTC, records will be kept for 400 days.",
    );
    expect(guild?.retention.why).toContain("proof");
    // Made on 2026-01-10: 400 days later, since the lowering applies before then.
    expect(guild?.records[0]?.deletedAfter).toBe("2027-02-14T10:00:00.000Z");
  });

  it("counts a lowering already due as the retention in effect", () => {
    const [guild] = build(
      site({
        retentionDays: 730,
        scheduledRetention: { retentionDays: 400, effectiveAt: "2026-02-01T00:00:00.000Z" },
      }),
    ).sites;
    expect(guild?.retention).toMatchObject({ days: 400, scheduled: null });
  });

  it("lists erasures made, and says nothing is held rather than failing", () => {
    const erased = site({
      key: "shop",
      name: "The Guild shop",
      erasures: [{ at: "2026-02-02T12:00:00.000Z", auditId: 42, records: 3 }],
    });
    const report = build(erased, site({ key: "zine", name: "The Guild zine" }));
    expect(report.held).toBe(false);
    expect(report.summary).toBe(
      "Nothing is held about this consent ID on the 2 sites checked: no record of a choice carries it. Records erased earlier are no longer linked to it: see the erasures below.",
    );
    const [shop, zine] = report.sites;
    expect(shop?.summary).toBe(
      "Nothing is held about this consent ID on The Guild shop any more: it was erased.",
    );
    expect(shop?.erasures[0]?.text).toBe(
      "On 2026-02-02 12:00:00 UTC the personal details of 3 records were erased at a request to erase (audit entry #42).",
    );
    expect(zine?.summary).toBe("Nothing is held about this consent ID on The Guild zine.");
    expect(zine?.records).toEqual([]);
    expect(report.rights.map((r) => r.right)).toEqual([
      "access",
      "withdraw",
      "rectification",
      "erasure",
      "object",
      "complain",
    ]);
  });

  it("names the way to withdraw that the site's banner offers", () => {
    const floating = { ...config, ui: { ...config.ui, floatingButton: true } };
    const [guild] = build(site({ configs: [{ ...v1, config: floating }] })).sites;
    expect(guild?.withdraw).toContain("the cookie button on every page");
    const [other] = build(site()).sites;
    expect(other?.withdraw).toContain("its cookie settings link");
  });

  it("fills templates and keeps unknown placeholders visible", () => {
    expect(reportText(ENGLISH_ACCESS_REPORT, "record.allowed", { list: "x" })).toBe("Allowed: x.");
    expect(reportText(ENGLISH_ACCESS_REPORT, "record.allowed")).toBe("Allowed: {list}.");
  });
});
