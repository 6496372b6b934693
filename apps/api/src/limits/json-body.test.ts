import { describe, expect, it } from "vitest";
import { createTestApp, OWNER } from "../test-support/test-app";
import { BODY_LIMITS, jsonDepth, MAX_JSON_DEPTH, parseJsonBody } from "./json-body";

describe("jsonDepth", () => {
  it.each([
    ["1", 0],
    ["{}", 1],
    ['{"a":[1,{"b":[]}]}', 4],
    ['{"a":"[[[[{{{{"}', 1],
    ['["\\"[[["]', 1],
  ])("%s -> %i", (text, depth) => {
    expect(jsonDepth(text)).toBe(depth);
  });
});

describe("parseJsonBody", () => {
  it("refuses nesting past the limit before parsing, and bad JSON", () => {
    expect(parseJsonBody(`${"[".repeat(MAX_JSON_DEPTH)}${"]".repeat(MAX_JSON_DEPTH)}`)).toEqual(
      expect.any(Array),
    );
    expect(() => parseJsonBody("[".repeat(MAX_JSON_DEPTH + 1))).toThrow(/deeper than/);
    expect(() => parseJsonBody("{")).toThrow(/not valid JSON/);
  });
});

describe("small bodies where small bodies belong", () => {
  it("caps sign-in at a few KB before parsing, and refuses deep nesting", async () => {
    const t = await createTestApp();
    try {
      const huge = await t.post("/v1/admin/session", "[".repeat(1024 * 1024));
      expect(huge.status).toBe(413);
      expect((await huge.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
      const invitation = await t.post("/v1/admin/invitations/accept", "x".repeat(8 * 1024));
      expect(invitation.status).toBe(413);
      const deep = await t.post("/v1/admin/session", "[".repeat(BODY_LIMITS.signIn - 1));
      expect(deep.status).toBe(400);
      expect((await deep.json()).error.code).toBe("JSON_TOO_DEEP");
      const receipt = await t.post("/v1/receipts", "[".repeat(BODY_LIMITS.receipt - 1));
      expect((await receipt.json()).error.code).toBe("JSON_TOO_DEEP");
      const admin = await t.admin();
      const config = await admin.request(
        "PUT",
        "/v1/admin/sites/demo/config/draft",
        `{"a":${"[".repeat(100)}`,
      );
      expect((await config.json()).error.code).toBe("JSON_TOO_DEEP");
      expect((await t.post("/v1/admin/session", OWNER)).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
