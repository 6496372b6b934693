import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp } from "../test-support/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

const DRAFT = "/v1/admin/sites/demo/config/draft";
const ids = (services: Array<{ id: string }>) => services.map((s) => s.id);

type Admin = Awaited<ReturnType<typeof t.admin>>;

/** The draft an admin saved first, and a newer one another admin saves while a change commits. */
function drafts() {
  const { config } = t.config;
  const older = {
    ...config,
    services: [...config.services, { id: "vimeo", category: "embeds" }],
  };
  const newer = {
    ...older,
    services: [...older.services, { id: "hotjar", category: "analytics" }],
  };
  return { older, newer };
}

/**
 * Has `admin` save `draft` when the batch that inserts a new published version (a bump's or a
 * publish's) is about to run, and lets that batch go once the save is answered: the window where
 * the change has read everything it needs and has not committed yet.
 * @returns where the save's answer will be
 */
function saveBeforeTheVersionCommits(admin: Admin, draft: unknown): { answer?: Response } {
  const save: { answer?: Response } = {};
  const batch = t.client.batch.bind(t.client);
  t.client.batch = (async (...args: Parameters<typeof batch>) => {
    const sql = args[0]
      .map((s) => (typeof s === "string" ? s : Array.isArray(s) ? s[0] : s.sql))
      .join(";");
    if (!save.answer && /insert into "site_configs"/i.test(sql)) {
      save.answer = await admin.request("PUT", DRAFT, draft);
    }
    return batch(...args);
  }) as typeof t.client.batch;
  return save;
}

describe("a policy bump and a draft saved at the same moment", () => {
  it("keeps the draft saved while the bump was made, with the bumped version", async () => {
    const admin = await t.admin();
    const { older, newer } = drafts();
    expect((await admin.request("PUT", DRAFT, older)).status).toBe(200);
    // Another admin saves a newer draft while the bump is on its way to the database.
    const save = saveBeforeTheVersionCommits(admin, newer);
    const bump = await admin.request("POST", "/v1/admin/sites/demo/config/bump", {
      policyVersion: "7",
      reason: "Our privacy policy changed",
    });
    expect(bump.status).toBe(201);
    expect(save.answer?.status).toBe(200);

    const state = await (await admin.get("/v1/admin/sites/demo/config")).json();
    expect(state.published.config.policyVersion).toBe("7");
    expect(ids(state.draft.config.services), "the newer draft's services").toEqual(
      ids(newer.services),
    );
    expect(state.draft.config.policyVersion, "the draft follows the bump").toBe("7");
  });

  it("leaves no draft where there was none", async () => {
    const admin = await t.admin();
    const bump = await admin.request("POST", "/v1/admin/sites/demo/config/bump", {
      policyVersion: "7",
      reason: "Our privacy policy changed",
    });
    expect(bump.status).toBe(201);
    expect((await (await admin.get("/v1/admin/sites/demo/config")).json()).draft).toBeNull();
  });
});

describe("a publish and a draft saved at the same moment", () => {
  it("publishes the draft it read and keeps the one saved meanwhile", async () => {
    const admin = await t.admin();
    const { older, newer } = drafts();
    const first = await admin.request("PUT", DRAFT, older);
    expect(first.status).toBe(200);
    // The owner acknowledges what the linter warns about, as the dashboard asks them to.
    const { findings } = (await first.json()) as { findings: Array<{ rule: string }> };
    const acknowledge = findings.map((f) => f.rule);
    const save = saveBeforeTheVersionCommits(admin, newer);
    const publish = await admin.request("POST", "/v1/admin/sites/demo/config/publish", {
      acknowledge,
    });
    expect(publish.status).toBe(201);
    expect(save.answer?.status).toBe(200);

    const state = await (await admin.get("/v1/admin/sites/demo/config")).json();
    expect(ids(state.published.config.services)).toEqual(ids(older.services));
    expect(ids(state.draft?.config.services ?? []), "the newer draft is kept").toEqual(
      ids(newer.services),
    );
  });
});
