import { defaultSiteConfig, lintConfig, SiteConfigSchema, warningRules } from "@assent/core";
import fc from "fast-check";
import * as v from "valibot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../test-support/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let a: Awaited<ReturnType<typeof t.admin>>;
beforeAll(async () => {
  t = await createTestApp();
  a = await t.admin();
});
afterAll(async () => t.close());

const base = defaultSiteConfig("demo", [{ id: "youtube", category: "embeds" }]);

const value = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.constantFrom("__proto__", "constructor", "\u0000", "\uD800", "😀", "javascript:alert(1)"),
  fc.constant("x".repeat(3000)),
  fc.constant({ __proto__: "x" }),
);
const key = fc.constantFrom(...Object.keys(base), "extra");
const textsKey = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "en", "fr"),
  fc.string({ maxLength: 14 }),
);

/** Draft bodies: the valid config bent in one place, prototype keys in texts, garbage. */
const draft = fc.oneof(
  fc.constant(JSON.stringify(base)),
  fc.tuple(key, value).map(([k, v]) => JSON.stringify({ ...base, [k]: v })),
  fc
    .tuple(textsKey, textsKey, value)
    .map(([lang, name, text]) =>
      JSON.stringify({ ...base, texts: {} }).replace(
        '"texts":{}',
        `"texts":{${JSON.stringify(lang)}:{${JSON.stringify(name)}:${JSON.stringify(text)}}}`,
      ),
    ),
  fc.constant(JSON.stringify(base).replace("{", '{"__proto__":{"polluted":true},')),
  fc.json({ maxDepth: 4 }),
  fc.string({ maxLength: 100 }),
  fc.integer({ min: 1, max: 5000 }).map((n) => `${"[".repeat(n)}${"]".repeat(n)}`),
);

function expectErrorShape(body: { error?: { code?: unknown; message?: unknown } }) {
  expect(Object.keys(body)).toEqual(["error"]);
  expect(body.error?.code).toMatch(/^[A-Z][A-Z_]+$/);
  expect(body.error?.message).toBeTypeOf("string");
}

describe("admin config draft and publish (fuzz)", () => {
  it("saves only valid drafts, answers the rest 4xx, and publishes only valid configs", async () => {
    let saved = 0;
    await fc.assert(
      fc.asyncProperty(draft, fc.boolean(), async (text, publish) => {
        const res = await a.request("PUT", "/v1/admin/sites/demo/config/draft", text, {
          "Content-Type": "application/json",
        });
        const body = await res.json();
        if (res.status !== 200) {
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
          expectErrorShape(body);
          return;
        }
        saved++;
        expect(v.is(SiteConfigSchema, body.draft.config)).toBe(true);
        if (!publish) return;
        const published = await a.request("POST", "/v1/admin/sites/demo/config/publish", {
          acknowledge: warningRules(body.findings),
        });
        if (published.status === 409) {
          // The same configuration as the one published (nothing new to publish), a new policy
          // version asking nothing new within the pacing window, or an expiry past the site's
          // retention: each a conflict with what is stored, never a change.
          expect(["NOTHING_TO_PUBLISH", "POLICY_UNCHANGED", "EXPIRY_BEYOND_RETENTION"]).toContain(
            (await published.json()).error.code,
          );
          return;
        }
        if (published.status === 422) {
          // The linter's errors (deceptive wording the fuzzer wrote) block publishing.
          expect((await published.json()).error.code).toBe("COMPLIANCE_ERRORS");
          expect(lintConfig(body.draft.config).some((f) => f.severity === "error")).toBe(true);
          return;
        }
        expect(published.status).toBe(201);
        const served = await (await t.app.request("/v1/sites/demo/config")).json();
        const again = v.safeParse(SiteConfigSchema, served.config);
        expect(again.success).toBe(true);
      }),
      { numRuns: 150 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(saved).toBeGreaterThan(5);
  }, 60_000);
});
