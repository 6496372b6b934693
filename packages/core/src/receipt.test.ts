import { describe, expect, it } from "vitest";
import { newSubjectId, uuidv7 } from "./ids";
import { parseReceiptInput } from "./receipt";

function valid(): Record<string, unknown> {
  return {
    id: uuidv7(),
    siteKey: "demo",
    subjectId: newSubjectId(),
    policyVersion: "1",
    configHash: "a".repeat(64),
    language: "en-GB",
    method: "custom",
    decision: { categories: { necessary: true, analytics: false }, services: { youtube: true } },
    gpc: false,
    pagePath: "/demo/",
    previousId: null,
  };
}

describe("receipt schema", () => {
  it("accepts a well-formed receipt", () => {
    const result = parseReceiptInput(valid());
    expect(result.ok).toBe(true);
  });

  it.each([
    ["id", "not-a-uuid", "id"],
    ["id", "0193a5b0-0000-4000-8000-000000000000", "id"],
    ["siteKey", "Demo Site", "siteKey"],
    ["subjectId", "short", "subjectId"],
    ["configHash", "xyz", "configHash"],
    ["method", "accept-some", "method"],
    ["gpc", "yes", "gpc"],
    ["pagePath", "/a?email=x@y.z", "pagePath"],
    ["decision", { categories: { Analytics: true }, services: {} }, "decision.categories"],
    ["decision", { categories: { analytics: "yes" }, services: {} }, "decision.categories"],
    ["language", "<script>", "language"],
  ])("rejects a bad %s and says where", (field, value, where) => {
    const result = parseReceiptInput({ ...valid(), [field]: value });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.startsWith(where)).toBe(true);
  });

  it("accepts a receipt with the standard wording it names, and one from before it existed", () => {
    const named = parseReceiptInput({ ...valid(), wording: "1mpp9dn_" });
    expect(named).toMatchObject({ ok: true, value: { wording: "1mpp9dn_" } });
    const before = parseReceiptInput(valid());
    expect(before.ok).toBe(true);
    if (before.ok) expect("wording" in before.value).toBe(false);
  });

  it.each([
    ["too short", "1mpp9dn"],
    ["too long", "1mpp9dnI0"],
    ["not base64url", "1mpp9d+I"],
    ["a whole SHA-256", "a".repeat(64)],
    ["empty", ""],
    ["not a string", 12345678],
    ["null", null],
  ])("rejects a malformed wording (%s) and says what it must be", (_what, wording) => {
    const result = parseReceiptInput({ ...valid(), wording });
    expect(result).toEqual({
      ok: false,
      message: expect.stringMatching(/^wording: /),
    });
    if (!result.ok && typeof wording === "string")
      expect(result.message).toBe(
        "wording: must be the 8-character hash of the SDK's standard wording",
      );
  });

  it("rejects missing fields, unknown fields and non-objects", () => {
    const { method: _method, ...missing } = valid();
    expect(parseReceiptInput(missing).ok).toBe(false);
    expect(parseReceiptInput({ ...valid(), serverTime: "2020-01-01" }).ok).toBe(false);
    for (const junk of [null, 1, "x", [], true]) expect(parseReceiptInput(junk).ok).toBe(false);
  });

  it("caps the number of decision entries", () => {
    const categories = Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`c${i}`, true]));
    expect(parseReceiptInput({ ...valid(), decision: { categories, services: {} } }).ok).toBe(
      false,
    );
  });
});
