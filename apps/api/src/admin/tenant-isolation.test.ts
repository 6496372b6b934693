import { defaultSiteConfig } from "@assent/core";
import {
  apiTokens,
  auditLog,
  memberInvitations,
  receipts,
  retentionChanges,
  siteConfigDrafts,
  siteConfigs,
  siteMembers,
  sites,
} from "@assent/db";
import { count, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RouteSpec } from "../openapi";
import { createTestApp, OWNER } from "../test-support/test-app";
import { adminRouteSpecs } from ".";

/**
 * Site "other" belongs to someone else. A viewer of "demo", and an owner token of "demo", try every
 * declared site-scoped admin route against "other": each must answer as if it did not exist, and
 * nothing of it may change.
 */
let t: Awaited<ReturnType<typeof createTestApp>>;
let b: Awaited<ReturnType<Awaited<ReturnType<typeof createTestApp>>["addSite"]>>;
const ctx = { subject: "", userId: 0, tokenId: 0, demoToken: "" };

/** A request that would succeed on a site the caller may use, per route. */
const cases: Record<string, { query?: string; body?: unknown }> = {
  "GET /v1/admin/receipts": {},
  "GET /v1/admin/subjects/:subjectId": {},
  "DELETE /v1/admin/subjects/:subjectId": {},
  "GET /v1/admin/exports": { query: "&format=csv" },
  "GET /v1/admin/stats": { query: "&from=2026-01-01&to=2026-01-31" },
  "GET /v1/admin/sites/:site": {},
  "PATCH /v1/admin/sites/:site": {
    body: { name: "Taken over", retentionDays: 1, minRetentionDays: 1 },
  },
  "DELETE /v1/admin/sites/:site/retention-change": {},
  "GET /v1/admin/sites/:site/config": {},
  "PUT /v1/admin/sites/:site/config/draft": {
    body: { ...defaultSiteConfig("other"), policyVersion: "2" },
  },
  "DELETE /v1/admin/sites/:site/config/draft": {},
  "POST /v1/admin/sites/:site/config/publish": {},
  "POST /v1/admin/sites/:site/config/bump": { body: {} },
  "GET /v1/admin/sites/:site/config/versions": {},
  "GET /v1/admin/sites/:site/config/versions/:ref": {},
  "GET /v1/admin/sites/:site/members": {},
  "POST /v1/admin/sites/:site/members": { body: { email: "intruder@example.org", role: "owner" } },
  "DELETE /v1/admin/sites/:site/invitations/:invitationId": {},
  "PATCH /v1/admin/sites/:site/members/:userId": { body: { role: "owner" } },
  "DELETE /v1/admin/sites/:site/members/:userId": {},
  "GET /v1/admin/sites/:site/tokens": {},
  "POST /v1/admin/sites/:site/tokens": { body: { name: "exfiltrate", role: "viewer" } },
  "DELETE /v1/admin/sites/:site/tokens/:tokenId": {},
  "GET /v1/admin/sites/:site/audit": {},
  "GET /v1/admin/sites/:site/wordings/:hash": {},
};

const siteRoutes = () =>
  adminRouteSpecs.filter(
    (r): r is RouteSpec & { access: { kind: "site" } } => r.access.kind === "site",
  );

function url(spec: RouteSpec, site: string): string {
  const path = spec.path
    .replace(":site", site)
    .replace(":subjectId", ctx.subject)
    .replace(":userId", String(ctx.userId))
    .replace(":tokenId", String(ctx.tokenId))
    .replace(":invitationId", "1")
    .replace(":ref", "1")
    .replace(":hash", "1mpp9dnI");
  const c = cases[`${spec.method} ${spec.path}`];
  const query = spec.path.includes(":site") ? "" : `?site=${site}${c?.query ?? ""}`;
  return `${path}${query}`;
}

async function snapshot() {
  const [r] = await t.db.select({ n: count() }).from(receipts).where(eq(receipts.siteId, b.id));
  const [e] = await t.db.select({ n: count() }).from(receipts).where(isNotNull(receipts.erasedAt));
  const [c] = await t.db
    .select({ n: count() })
    .from(siteConfigs)
    .where(eq(siteConfigs.siteId, b.id));
  const [d] = await t.db
    .select({ n: count() })
    .from(siteConfigDrafts)
    .where(eq(siteConfigDrafts.siteId, b.id));
  const [l] = await t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.siteId, b.id));
  return {
    site: await t.db.select().from(sites).where(eq(sites.id, b.id)),
    receipts: r?.n,
    erased: e?.n,
    configs: c?.n,
    drafts: d?.n,
    audit: l?.n,
    members: await t.db.select().from(siteMembers).where(eq(siteMembers.siteId, b.id)),
    invitations: await t.db
      .select()
      .from(memberInvitations)
      .where(eq(memberInvitations.siteId, b.id)),
    retention: await t.db.select().from(retentionChanges).where(eq(retentionChanges.siteId, b.id)),
    tokens: await t.db.select().from(apiTokens).where(eq(apiTokens.siteId, b.id)),
  };
}

beforeAll(async () => {
  t = await createTestApp();
  b = await t.addSite("other");
  const bOwner = await t.addUser("owner-b@example.org", "owner", "other");
  const bViewer = await t.addUser("viewer-b@example.org", "viewer", "other");
  ctx.userId = bViewer.id;
  const receipt = t.receiptFor("other", b.config);
  ctx.subject = receipt.subjectId;
  expect((await t.post("/v1/receipts", receipt)).status).toBe(201);
  const ownerB = await t.admin(bOwner);
  const token = await ownerB.request("POST", "/v1/admin/sites/other/tokens", {
    name: "b's export",
  });
  ctx.tokenId = ((await token.json()) as { id: number }).id;
  const demoOwner = await t.admin(OWNER);
  const mine = await demoOwner.request("POST", "/v1/admin/sites/demo/tokens", {
    name: "demo export",
    role: "owner",
  });
  ctx.demoToken = ((await mine.json()) as { token: string }).token;
});
afterAll(async () => t.close());

describe("tenant isolation", () => {
  it("has a case for every site-scoped admin route", () => {
    const declared = siteRoutes().map((r) => `${r.method} ${r.path}`);
    expect(declared.sort()).toEqual(Object.keys(cases).sort());
  });

  it("a viewer of one site can read or change nothing of another, by any route", async () => {
    const viewer = await t.addUser("viewer-a@example.org", "viewer", "demo");
    const a = await t.admin(viewer);
    const before = await snapshot();
    for (const spec of siteRoutes()) {
      const res = await a.request(
        spec.method,
        url(spec, "other"),
        cases[`${spec.method} ${spec.path}`]?.body,
      );
      const body = await res.text();
      expect([spec.method, spec.path, res.status]).toEqual([spec.method, spec.path, 404]);
      expect(JSON.parse(body).error.code).toBe("SITE_NOT_FOUND");
      expect(body).not.toContain(ctx.subject);
    }
    expect(await snapshot()).toEqual(before);
    const list = await (await a.get("/v1/admin/sites")).json();
    expect(list.sites.map((s: { key: string }) => s.key)).toEqual(["demo"]);
  });

  it("an owner token of one site opens nothing of another", async () => {
    const before = await snapshot();
    for (const spec of siteRoutes()) {
      const c = cases[`${spec.method} ${spec.path}`];
      const res = await t.app.request(url(spec, "other"), {
        method: spec.method,
        headers: { Authorization: `Bearer ${ctx.demoToken}`, "Content-Type": "application/json" },
        body: c?.body === undefined ? undefined : JSON.stringify(c.body),
      });
      const code = (await res.json()).error?.code;
      expect([spec.path, code]).toEqual([
        spec.path,
        spec.access.sessionOnly ? "SESSION_REQUIRED" : "SITE_NOT_FOUND",
      ]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("every admin route refuses anonymous callers and unknown tokens, changing nothing", async () => {
    const before = await snapshot();
    // Signing out without a session is a harmless no-op (204), so it is left out.
    const admin = adminRouteSpecs.filter(
      (r) =>
        r.access.kind !== "public" &&
        r.path.startsWith("/v1/admin/") &&
        !(r.method === "DELETE" && r.path === "/v1/admin/session"),
    );
    for (const spec of admin) {
      const target = spec.access.kind === "site" ? url(spec, "other") : spec.path;
      const body = cases[`${spec.method} ${spec.path}`]?.body;
      const variants: Record<string, string>[] = [{}, { Authorization: "Bearer assent_forged" }];
      for (const headers of variants) {
        const res = await t.app.request(target, {
          method: spec.method,
          headers: { ...headers, "Content-Type": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        expect([spec.method, spec.path, res.status]).toEqual([spec.method, spec.path, 401]);
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it("the same requests reach the site for its own owner (the table is well-formed)", async () => {
    const owner = await t.admin({
      email: "owner-b@example.org",
      password: "pw-owner-b@example.org-long-enough",
    });
    const ordered = [...siteRoutes()].sort(
      (x, y) => Number(x.method === "DELETE") - Number(y.method === "DELETE"),
    );
    for (const spec of ordered) {
      const res = await owner.request(
        spec.method,
        url(spec, "other"),
        cases[`${spec.method} ${spec.path}`]?.body,
      );
      const code = res.status >= 400 ? (await res.json()).error.code : "OK";
      expect([spec.method, spec.path, code]).not.toContainEqual(
        expect.stringMatching(/SITE_NOT_FOUND|FORBIDDEN/),
      );
    }
  });
});
