import { PublishRequestSchema, ReceiptQuerySchema, SiteCreateSchema } from "@assent/core";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../test-support/test-app";
import { jsonSchemaOf } from "./json-schema";

let t: Awaited<ReturnType<typeof createTestApp>>;
let doc: {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
};
beforeAll(async () => {
  t = await createTestApp();
  const res = await t.app.request("/v1/openapi.json");
  expect(res.status).toBe(200);
  doc = await res.json();
});
afterAll(async () => t.close());

interface Operation {
  parameters: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
  requestBody?: { content: { "application/json": { schema: Record<string, unknown> } } };
  responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
  security: unknown[];
}

/** `METHOD /path/{param}` of every documented operation. */
function documented(): string[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
  );
}

/** `METHOD /path/{param}` of every route the app serves: handlers, not middleware or preflights. */
function served(): string[] {
  const routes = t.app.routes
    .filter((r) => r.method !== "ALL" && r.method !== "OPTIONS")
    .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`);
  return [...new Set(routes)];
}

describe("GET /v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    expect(doc.openapi).toBe("3.1.0");
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("documents every route the app serves, and serves every route it documents", async () => {
    expect(served().length).toBeGreaterThanOrEqual(30);
    expect(documented().sort()).toEqual(served().sort());
    for (const operation of documented()) {
      const [method = "", path = ""] = operation.split(" ");
      // The documented route answers for itself: an unauthenticated call is refused, not a 404.
      // (The loader's `file` is a site key with `.js`.)
      const concrete = path.replace("{file}", "demo.js").replace(/\{\w+\}/g, "demo");
      const answer = await t.app.request(concrete, { method });
      expect([operation, answer.status]).not.toEqual([operation, 404]);
    }
  });

  it("gives every response it documents a schema, 204 aside", () => {
    for (const operation of documented()) {
      const [method = "", path = ""] = operation.split(" ");
      const responses = doc.paths[path]?.[method.toLowerCase()]?.responses ?? {};
      for (const [status, response] of Object.entries(responses)) {
        if (status === "204") continue;
        const media = Object.values(response.content ?? {});
        expect(media.length, `${operation} ${status}`).toBe(1);
        expect(media[0]?.schema, `${operation} ${status}`).toBeTypeOf("object");
      }
    }
    expect(doc.components.schemas.Error).toMatchObject({ required: ["error"] });
  });

  it("documents query parameters and bodies from the very schemas that validate them", () => {
    const list = doc.paths["/v1/admin/receipts"]?.get as Operation;
    const byName = Object.fromEntries(list.parameters.map((p) => [p.name, p]));
    expect(byName.site).toMatchObject({ in: "query", required: true });
    expect(byName.method?.schema.enum).toEqual([
      "accept-all",
      "reject-all",
      "custom",
      "withdraw",
      "gpc",
      "api",
      "object",
      "opt-out",
    ]);
    expect(byName.limit?.schema).toMatchObject({ type: "integer", minimum: 1, maximum: 500 });
    expect(byName.from?.schema).toMatchObject({ type: "string", format: "date-time" });
    expect(Object.keys(byName).sort()).toEqual(
      Object.keys((ReceiptQuerySchema as unknown as { entries: object }).entries).sort(),
    );
    const create = doc.paths["/v1/admin/sites"]?.post as Operation;
    expect(create.requestBody?.content["application/json"].schema).toEqual(
      jsonSchemaOf(SiteCreateSchema),
    );
    expect(create.requestBody?.content["application/json"].schema).toMatchObject({
      required: ["key", "name"],
      additionalProperties: false,
    });
    expect(create.security).toEqual([{ session: [] }]);
    const publish = doc.paths["/v1/admin/sites/{site}/config/publish"]?.post as Operation & {
      requestBody?: { required: boolean };
    };
    expect(publish.requestBody?.required).toBe(false);
    expect(publish.requestBody?.content["application/json"].schema).toEqual(
      jsonSchemaOf(PublishRequestSchema),
    );
    const member = doc.paths["/v1/admin/sites/{site}/members/{userId}"]?.patch as Operation;
    expect(member.parameters.map((p) => [p.name, p.in])).toEqual([
      ["site", "path"],
      ["userId", "path"],
    ]);
  });

  it("documents answers from core's contracts", () => {
    const receipt = doc.paths["/v1/receipts"]?.post as Operation;
    const stored = receipt.responses["201"]?.content?.["application/json"]?.schema;
    expect(stored).toMatchObject({
      type: "object",
      properties: { serverTime: { type: "string" }, gpcHeader: { type: "boolean" } },
    });
    const sites = doc.paths["/v1/admin/sites"]?.get?.responses["200"];
    expect(sites?.content?.["application/json"]?.schema).toMatchObject({
      properties: { sites: { type: "array", items: { required: ["key", "name", "role"] } } },
    });
  });
});

describe("the statuses it documents", () => {
  const statuses = (method: string, path: string) =>
    Object.keys(doc.paths[path]?.[method]?.responses ?? {});

  it("include what the routes answer, successes and errors, each error with its codes", async () => {
    const seen: string[] = [];
    const saw = async (method: string, path: string, res: Promise<Response> | Response) => {
      const status = String((await res).status);
      if (!statuses(method, path).includes(status)) seen.push(`${method} ${path} ${status}`);
    };
    const r = t.receipt();
    await saw("post", "/v1/receipts", t.post("/v1/receipts", r));
    await saw("post", "/v1/receipts", t.post("/v1/receipts", r));
    await saw("post", "/v1/receipts", t.post("/v1/receipts", { ...r, language: "de" }));
    await saw(
      "post",
      "/v1/receipts",
      t.post("/v1/receipts", t.receipt(), { Origin: "https://evil.example" }),
    );
    await saw("post", "/v1/receipts", t.post("/v1/receipts", t.receipt({ siteKey: "nosuch" })));
    await saw("get", "/v1/receipts/{id}", t.app.request(`/v1/receipts/${r.id}`));
    await saw(
      "get",
      "/v1/receipts/{id}",
      t.app.request(`/v1/receipts/${r.id}`, {
        headers: { "X-Assent-Subject": t.receipt().subjectId },
      }),
    );
    await saw(
      "post",
      "/v1/admin/session",
      t.post("/v1/admin/session", { email: "owner@example.org", password: "not the password" }),
    );
    const a = await t.admin();
    await saw(
      "patch",
      "/v1/admin/sites/{site}",
      a.request("PATCH", "/v1/admin/sites/demo", { retentionDays: 2000, minRetentionDays: 1000 }),
    );
    expect(seen).toEqual([]);
    const conflict = doc.paths["/v1/receipts"]?.post?.responses["409"] as
      | { description?: string }
      | undefined;
    expect(conflict?.description).toBe("Error: RECEIPT_ID_CONFLICT");
  });
});
