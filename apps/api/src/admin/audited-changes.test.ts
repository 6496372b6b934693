import {
  apiTokens,
  auditLog,
  memberInvitations,
  retentionChanges,
  siteConfigDrafts,
  siteConfigs,
  siteMembers,
  sites,
} from "@assent/db";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp } from "../test-support/test-app";

/**
 * Every admin change is written in one batch with its audit entry: when the entry cannot be
 * written, the change is not made either. Each case prepares what it needs, then the database
 * refuses every audit entry but sign-ins (a full disk, a broken constraint), and the change must
 * answer 500 and leave every table as it was.
 */
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

type Admin = Awaited<ReturnType<typeof t.admin>>;
/** The change under test, made by the signed-in owner. */
type Change = (a: Admin) => Response | Promise<Response>;

/** Everything an admin change may write, but the audit log and sessions. */
async function snapshot() {
  return {
    sites: await t.db.select().from(sites),
    members: await t.db.select().from(siteMembers),
    configs: await t.db.select().from(siteConfigs),
    drafts: await t.db.select().from(siteConfigDrafts),
    tokens: await t.db.select().from(apiTokens),
    invitations: await t.db.select().from(memberInvitations),
    retention: await t.db.select().from(retentionChanges),
  };
}

async function created<T>(res: Response): Promise<T> {
  expect(res.status).toBeLessThan(300);
  return res.json() as Promise<T>;
}

const DRAFT = () => ({ ...t.config.config, policyVersion: "2" });

const cases: Array<[string, (a: Admin) => Promise<Change>]> = [
  [
    "creating a site",
    async () => (a) => a.request("POST", "/v1/admin/sites", { key: "new", name: "New" }),
  ],
  [
    "changing a site's settings",
    async () => (a) => a.request("PATCH", "/v1/admin/sites/demo", { name: "Renamed" }),
  ],
  [
    "scheduling a lower retention",
    async () => (a) =>
      a.request("PATCH", "/v1/admin/sites/demo", { retentionDays: 400, minRetentionDays: 400 }),
  ],
  [
    "cancelling a scheduled retention change",
    async (a) => {
      await created(
        await a.request("PATCH", "/v1/admin/sites/demo", {
          retentionDays: 400,
          minRetentionDays: 400,
        }),
      );
      return (b) => b.request("DELETE", "/v1/admin/sites/demo/retention-change");
    },
  ],
  [
    "saving a draft",
    async () => (a) => a.request("PUT", "/v1/admin/sites/demo/config/draft", DRAFT()),
  ],
  [
    "discarding a draft",
    async (a) => {
      await created(await a.request("PUT", "/v1/admin/sites/demo/config/draft", DRAFT()));
      return (b) => b.request("DELETE", "/v1/admin/sites/demo/config/draft");
    },
  ],
  [
    "creating an API token",
    async () => (a) => a.request("POST", "/v1/admin/sites/demo/tokens", { name: "ci" }),
  ],
  [
    "revoking an API token",
    async (a) => {
      const { id } = await created<{ id: number }>(
        await a.request("POST", "/v1/admin/sites/demo/tokens", { name: "ci" }),
      );
      return (b) => b.request("DELETE", `/v1/admin/sites/demo/tokens/${id}`);
    },
  ],
  [
    "changing a member's role",
    async () => {
      const { id } = await t.addUser("viewer@example.org", "viewer");
      return (a) => a.request("PATCH", `/v1/admin/sites/demo/members/${id}`, { role: "admin" });
    },
  ],
  [
    "removing a member and their tokens",
    async () => {
      const owner = await t.addUser("second-owner@example.org", "owner");
      const theirs = await t.admin(owner);
      await created(
        await theirs.request("POST", "/v1/admin/sites/demo/tokens", { name: "theirs" }),
      );
      return (a) => a.request("DELETE", `/v1/admin/sites/demo/members/${owner.id}`);
    },
  ],
  [
    "inviting an address",
    async () => (a) =>
      a.request("POST", "/v1/admin/sites/demo/members", {
        email: "new@example.org",
        role: "viewer",
      }),
  ],
  [
    "revoking an invitation",
    async (a) => {
      const { id } = await created<{ id: number }>(
        await a.request("POST", "/v1/admin/sites/demo/members", {
          email: "new@example.org",
          role: "viewer",
        }),
      );
      return (b) => b.request("DELETE", `/v1/admin/sites/demo/invitations/${id}`);
    },
  ],
  [
    "accepting an invitation",
    async (a) => {
      await t.addSite("second");
      const existing = await t.addUser("member@example.org", "viewer", "second");
      const { token } = await created<{ token: string }>(
        await a.request("POST", "/v1/admin/sites/demo/members", {
          email: existing.email,
          role: "admin",
        }),
      );
      return () => t.post("/v1/admin/invitations/accept", { token, password: existing.password });
    },
  ],
];

describe("an admin change whose audit entry cannot be written", () => {
  it.each(cases)("changes nothing: %s", async (_name, prepare) => {
    const owner = await t.admin();
    const change = await prepare(owner);
    const before = await snapshot();
    const entries = (await t.db.select().from(auditLog)).length;
    await t.client.execute(
      `CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log
       WHEN NEW.action NOT LIKE 'session.%' BEGIN SELECT RAISE(ABORT, 'audit refused'); END`,
    );
    expect((await change(owner)).status).toBe(500);
    expect(await snapshot()).toEqual(before);
    expect(await t.db.select().from(auditLog)).toHaveLength(entries);

    // The same change goes through, audited, once the audit log takes entries again.
    await t.client.execute("DROP TRIGGER refuse_audit");
    expect((await change(owner)).status).toBeLessThan(300);
    expect((await t.db.select().from(auditLog)).length).toBeGreaterThan(entries);
  });
});
