import { POLICY_BUMP_REASON_MAX, warningRules } from "@assent/core";
import { auditLog } from "@assent/db";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp } from "../test-support/test-app";

/**
 * A new policy version asks every visitor again, refusals included: done at will it would wear
 * down those who said no. Without a change to what visitors see, it needs a reason until the
 * current version is six months old.
 */
const DAY = 86_400_000;
let now = Date.now();
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  now = Date.now();
  t = await createTestApp({ now: () => now });
});
afterEach(async () => t.close());

const CONFIG = "/v1/admin/sites/demo/config";
type Admin = Awaited<ReturnType<typeof t.admin>>;

const bump = (a: Admin, body: Record<string, unknown> = {}) =>
  a.request("POST", `${CONFIG}/bump`, body);

async function code(res: Response) {
  return [res.status, res.status >= 400 ? (await res.json()).error.code : ""];
}

/** Saves `config` as the draft and publishes it, acknowledging its warnings. */
async function publish(a: Admin, config: object, body: Record<string, unknown> = {}) {
  const saved = await a.request("PUT", `${CONFIG}/draft`, config);
  expect(saved.status).toBe(200);
  const acknowledge = warningRules((await saved.json()).findings);
  return a.request("POST", `${CONFIG}/publish`, { acknowledge, ...body });
}

describe("a policy bump that changes nothing visitors see", () => {
  it("is refused, again and again, unless it says why; the reason is audited", async () => {
    const a = await t.admin();
    for (let i = 0; i < 3; i++)
      expect(await code(await bump(a))).toEqual([409, "POLICY_UNCHANGED"]);
    const refused = await (await bump(a)).json();
    expect(refused.error.message).toMatch(/Nothing visitors are shown or asked has changed/);
    expect(refused.error.message).toMatch(/give a reason/);

    const reason = "Our analytics processor changed; the policy says so.";
    const bumped = await bump(a, { reason: `  ${reason} ` });
    expect(bumped.status).toBe(201);
    expect((await bumped.json()).config.policyVersion).toBe("2");
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "config.bump-policy"));
    expect(JSON.parse(entry?.detail ?? "{}")).toMatchObject({ from: "1", to: "2", reason });
    // The version just bumped began now: asking yet again needs a reason of its own.
    expect(await code(await bump(a))).toEqual([409, "POLICY_UNCHANGED"]);
  });

  it("is refused through a draft that changes only the policy version, too", async () => {
    const a = await t.admin();
    const draft = { ...t.config.config, policyVersion: "2" };
    expect(await code(await publish(a, draft))).toEqual([409, "POLICY_UNCHANGED"]);
    const withReason = await publish(a, draft, { reason: "Our controller changed" });
    expect(withReason.status).toBe(201);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, "config.publish"));
    expect(JSON.parse(entry?.detail ?? "{}")).toMatchObject({ reason: "Our controller changed" });
  });

  it("refuses a blank or overlong reason", async () => {
    const a = await t.admin();
    expect(await code(await bump(a, { reason: "   " }))).toEqual([400, "INVALID_BODY"]);
    const long = "x".repeat(POLICY_BUMP_REASON_MAX + 1);
    expect(await code(await bump(a, { reason: long }))).toEqual([400, "INVALID_BODY"]);
  });
});

describe("a policy bump that needs no reason", () => {
  it("follows a change to what visitors are shown or asked since the version began", async () => {
    const a = await t.admin();
    const { config } = t.config;
    const changed = { ...config, texts: { en: { title: "Cookies on the Guild's site" } } };
    expect((await publish(a, changed)).status).toBe(201);
    expect((await bump(a)).status).toBe(201);
    // A change to how the banner looks asks nothing new.
    const looks = { ...changed, policyVersion: "2", ui: { ...changed.ui, theme: "dark" } };
    expect((await publish(a, looks)).status).toBe(201);
    expect(await code(await bump(a))).toEqual([409, "POLICY_UNCHANGED"]);
  });

  it("comes six months after the current version began", async () => {
    const state = await (await (await t.admin()).get(CONFIG)).json();
    const began = Date.parse(state.published.publishedAt);
    now = began + 181 * DAY;
    expect(await code(await bump(await t.admin()))).toEqual([409, "POLICY_UNCHANGED"]);
    now = began + 182 * DAY;
    expect((await bump(await t.admin())).status).toBe(201);
  });

  it("waits as long as the configuration in force remembers a refusal, when that is longer", async () => {
    const a = await t.admin();
    const { config } = t.config;
    // The policy version began with the seed's publication, before the expiry changed.
    const state = await (await a.get(CONFIG)).json();
    const began = Date.parse(state.published.publishedAt);
    const remembers = { ...config, expiry: { acceptedDays: 395, rejectedDays: 395 } };
    expect((await publish(a, remembers)).status).toBe(201);
    now = began + 200 * DAY;
    const refused = await bump(await t.admin());
    expect(await code(refused.clone())).toEqual([409, "POLICY_UNCHANGED"]);
    expect((await refused.json()).error.message).toMatch(/395 days the site remembers them/);
    now = began + 395 * DAY;
    expect((await bump(await t.admin())).status).toBe(201);
  });
});
