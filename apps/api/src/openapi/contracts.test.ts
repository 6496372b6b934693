import {
  AccountPasswordChange,
  AccountSessionsEnd,
  AccountSessionsList,
  AuditList,
  ConfigGet,
  ConfigVersionsList,
  HealthGet,
  JwksGet,
  MembersList,
  ReceiptsCreate,
  ReceiptsGet,
  SessionGet,
  SiteConfigGet,
  SitesCreate,
  SitesGet,
  SitesList,
  StatsGet,
  TokensCreate,
  TokensList,
  WordingsGet,
} from "@assent/core";
import * as v from "valibot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSdkBundle } from "../runtime/node/assets";
import { recordWording } from "../sdk-archive";
import { createTestApp } from "../test-support/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** The body of a real answer, checked against the contract the document publishes for it. */
async function answers(res: Response, status: number, contract: { response: v.GenericSchema }) {
  expect(res.status).toBe(status);
  const body = await res.json();
  const checked = v.safeParse(contract.response, body);
  expect(checked.issues?.map((i) => `${v.getDotPath(i)}: ${i.message}`) ?? []).toEqual([]);
  return body;
}

describe("the API's answers keep the contracts the OpenAPI document publishes", () => {
  it("public routes", async () => {
    await answers(await t.app.request("/healthz"), 200, HealthGet);
    await answers(await t.app.request("/v1/sites/demo/config"), 200, SiteConfigGet);
    const receipt = t.receipt();
    const stored = await answers(await t.post("/v1/receipts", receipt), 201, ReceiptsCreate);
    await answers(
      await t.app.request(`/v1/receipts/${stored.id}`, {
        headers: { "X-Assent-Subject": receipt.subjectId },
      }),
      200,
      ReceiptsGet,
    );
    await answers(await t.app.request("/v1/sites/demo/jwks"), 200, JwksGet);
  });

  it("admin routes", async () => {
    const admin = await t.admin();
    await answers(await admin.get("/v1/admin/session"), 200, SessionGet);
    await answers(await admin.get("/v1/admin/sites"), 200, SitesList);
    await answers(
      await admin.request("POST", "/v1/admin/sites", { key: "contract-site", name: "Contract" }),
      201,
      SitesCreate,
    );
    await answers(await admin.get("/v1/admin/sites/demo"), 200, SitesGet);
    await answers(await admin.get("/v1/admin/sites/demo/config"), 200, ConfigGet);
    await answers(await admin.get("/v1/admin/sites/demo/config/versions"), 200, ConfigVersionsList);
    await answers(await admin.get("/v1/admin/sites/demo/members"), 200, MembersList);
    await answers(
      await admin.request("POST", "/v1/admin/sites/demo/tokens", { name: "ci" }),
      201,
      TokensCreate,
    );
    await answers(await admin.get("/v1/admin/sites/demo/tokens"), 200, TokensList);
    await answers(await admin.get("/v1/admin/sites/demo/audit"), 200, AuditList);
    const today = new Date().toISOString().slice(0, 10);
    await answers(
      await admin.get(`/v1/admin/stats?site=demo&from=${today}&to=${today}`),
      200,
      StatsGet,
    );
    const wording = await recordWording(t.db, readSdkBundle(), Date.now());
    await answers(await admin.get(`/v1/admin/sites/demo/wordings/${wording}`), 200, WordingsGet);
  });

  it("account routes", async () => {
    const who = await t.addUser("contract-account@example.org", "viewer");
    const admin = await t.admin(who);
    await answers(await admin.get("/v1/admin/account/sessions"), 200, AccountSessionsList);
    const changed = await admin.request("PUT", "/v1/admin/account/password", {
      currentPassword: who.password,
      newPassword: "a new password for the contract",
    });
    const { csrfToken } = await answers(changed, 200, AccountPasswordChange);
    const cookie = (changed.headers.get("Set-Cookie") ?? "").split(";")[0] ?? "";
    const ended = await t.app.request("/v1/admin/account/sessions", {
      method: "DELETE",
      headers: { Cookie: cookie, "X-CSRF-Token": csrfToken },
    });
    await answers(ended, 200, AccountSessionsEnd);
  });
});
