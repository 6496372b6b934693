import { API_ERRORS } from "@assent/core";
import { Hono } from "hono";
import { describe, expect, it, vi } from "vitest";
import { createTestApp } from "../test-support/test-app";
import { ApiError } from "./api-error";
import { DatabaseBusyError } from "./database-busy";
import { onError } from "./on-error";

function appThrowing(err: Error): Hono {
  const app = new Hono();
  app.onError(onError);
  app.get("/", () => {
    throw err;
  });
  return app;
}

describe("ApiError", () => {
  it("answers with the status and, when it has no words of its own, the message core gives its code", async () => {
    const res = await appThrowing(new ApiError("LAST_OWNER")).request("/");
    expect(res.status).toBe(API_ERRORS.LAST_OWNER.status);
    expect(await res.json()).toEqual({
      error: { code: "LAST_OWNER", message: API_ERRORS.LAST_OWNER.message },
    });
  });

  it("keeps the thrower's message and headers", async () => {
    const res = await appThrowing(new DatabaseBusyError()).request("/");
    expect(res.status).toBe(503);
    expect(res.headers.get("Retry-After")).toBe("2");
    const withWords = new ApiError("SITE_NOT_FOUND", 'No site with key "x"');
    expect([withWords.status, withWords.message]).toEqual([404, 'No site with key "x"']);
  });

  it("answers a database that could not be reached with 503 DATABASE_UNAVAILABLE and Retry-After, not 500", async () => {
    const lost = new Error("Failed query: insert into witness_peers", {
      cause: new Error("D1_ERROR: Network connection lost."),
    });
    const warned = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const res = await appThrowing(lost).request("/");
      expect([res.status, res.headers.get("Retry-After")]).toEqual([503, "2"]);
      expect(await res.json()).toEqual({
        error: { code: "DATABASE_UNAVAILABLE", message: API_ERRORS.DATABASE_UNAVAILABLE.message },
      });
      expect(warned).toHaveBeenCalledWith("[assent] database unavailable", lost);
    } finally {
      warned.mockRestore();
    }
    const locked = await appThrowing(new Error("SQLITE_BUSY: database is locked")).request("/");
    expect((await locked.json()).error.code).toBe("DATABASE_BUSY");
  });

  it("gives every code a 4xx or 5xx status and a message", () => {
    for (const [code, { status, message }] of Object.entries(API_ERRORS)) {
      expect(code).toMatch(/^[A-Z][A-Z_]+[A-Z]$/);
      expect(status >= 400 && status < 600, code).toBe(true);
      expect(message.length, code).toBeGreaterThan(0);
    }
  });
});

describe("NO_DRAFT", () => {
  it("is 404 where a draft is discarded and 409 where one is published, as before the table", async () => {
    const t = await createTestApp();
    try {
      const admin = await t.admin();
      const discard = await admin.request("DELETE", "/v1/admin/sites/demo/config/draft");
      expect([discard.status, (await discard.json()).error.code]).toEqual([404, "NO_DRAFT"]);
      const publish = await admin.request("POST", "/v1/admin/sites/demo/config/publish");
      expect([publish.status, (await publish.json()).error.code]).toEqual([409, "NO_DRAFT"]);
    } finally {
      await t.close();
    }
  });
});
