import { ReceiptQuerySchema, SiteCreateSchema } from "@assent/core";
import * as v from "valibot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../test-support/test-app";
import { toJsonSchema } from "./json-schema";
import { declaredRoutes } from "./route-spec";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

interface Operation {
  parameters: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
  requestBody?: { content: { "application/json": { schema: Record<string, unknown> } } };
  security: unknown[];
}

describe("GET /v1/openapi.json", () => {
  it("is an OpenAPI 3.1 document with every declared route, mounted for real", async () => {
    const res = await t.app.request("/v1/openapi.json");
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe("3.1.0");
    const routes = declaredRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(25);
    for (const r of routes) {
      const path = r.path.replace(/:(\w+)/g, "{$1}");
      expect(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${path}`).toBeDefined();
      // The documented route exists: an unauthenticated call is refused by it, not a 404.
      const concrete = r.path.replace(/:\w+/g, "demo");
      const answer = await t.app.request(concrete, { method: r.method });
      expect([r.method, r.path, answer.status]).not.toEqual([r.method, r.path, 404]);
    }
  });

  it("documents query parameters and bodies from the very schemas that validate them", async () => {
    const doc = await (await t.app.request("/v1/openapi.json")).json();
    const list: Operation = doc.paths["/v1/admin/receipts"].get;
    const byName = Object.fromEntries(list.parameters.map((p) => [p.name, p]));
    expect(byName.site).toMatchObject({ in: "query", required: true });
    expect(byName.method?.schema.enum).toEqual([
      "accept-all",
      "reject-all",
      "custom",
      "withdraw",
      "gpc",
      "api",
    ]);
    expect(byName.limit?.schema).toMatchObject({ type: "integer", minimum: 1, maximum: 500 });
    expect(byName.from?.schema).toMatchObject({ type: "string", format: "date-time" });
    expect(Object.keys(byName).sort()).toEqual(
      Object.keys((ReceiptQuerySchema as unknown as { entries: object }).entries).sort(),
    );
    const create: Operation = doc.paths["/v1/admin/sites"].post;
    expect(create.requestBody?.content["application/json"].schema).toEqual(
      toJsonSchema(SiteCreateSchema),
    );
    expect(create.security).toEqual([{ session: [] }]);
    const member: Operation = doc.paths["/v1/admin/sites/{site}/members/{userId}"].patch;
    expect(member.parameters.map((p) => [p.name, p.in])).toEqual([
      ["site", "path"],
      ["userId", "path"],
    ]);
  });
});

describe("toJsonSchema", () => {
  it("converts the kinds the API uses", () => {
    const schema = v.strictObject({
      name: v.pipe(v.string(), v.minLength(1), v.maxLength(5)),
      email: v.pipe(v.string(), v.email()),
      n: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 3),
      tags: v.array(v.picklist(["a", "b"])),
      map: v.record(v.string(), v.boolean()),
      maybe: v.nullable(v.literal(1)),
    });
    expect(toJsonSchema(schema)).toEqual({
      type: "object",
      additionalProperties: false,
      required: ["name", "email", "tags", "map", "maybe"],
      properties: {
        name: { type: "string", minLength: 1, maxLength: 5 },
        email: { type: "string", format: "email" },
        n: { type: "integer", minimum: 0, default: 3 },
        tags: { type: "array", items: { enum: ["a", "b"] } },
        map: {
          type: "object",
          additionalProperties: { type: "boolean" },
          propertyNames: { type: "string" },
        },
        maybe: { anyOf: [{ const: 1 }, { type: "null" }] },
      },
    });
  });
});
