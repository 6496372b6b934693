import type { AdminReceipt, AdminSession } from "@assent/core";
import { vi } from "vitest";

/** One request the app made, as the fake API saw it. */
export interface FakeCall {
  method: string;
  url: URL;
  body: unknown;
  init: RequestInit;
}

export interface FakeReply {
  status: number;
  body?: unknown;
}

type Handler = (call: FakeCall) => FakeReply | Promise<FakeReply>;

/**
 * Replaces `fetch` with a router over `"METHOD /path"` keys (query strings ignored when
 * matching). Unknown routes answer 404. Returns every call made, in order.
 */
export function stubApi(routes: Record<string, Handler>): FakeCall[] {
  const calls: FakeCall[] = [];
  vi.stubGlobal("fetch", async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, "http://admin.test");
    const method = init.method ?? "GET";
    const body = typeof init.body === "string" ? JSON.parse(init.body) : undefined;
    const call = { method, url, body, init };
    calls.push(call);
    const handler = routes[`${method} ${url.pathname}`];
    const reply = handler
      ? await handler(call)
      : apiError(404, "NOT_FOUND", `No fake route for ${method} ${url.pathname}`);
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: { "Content-Type": "application/json" },
    });
  });
  return calls;
}

export function ok(body: unknown): FakeReply {
  return { status: 200, body };
}

export function apiError(status: number, code: string, message: string): FakeReply {
  return { status, body: { error: { code, message } } };
}

export function fakeSession(overrides: Partial<AdminSession> = {}): AdminSession {
  return {
    user: { id: 1, email: "dpo@example.org", name: "Data Protection Officer" },
    sites: [{ key: "example-union", name: "Example Union", role: "owner" }],
    csrfToken: "fake-csrf-token",
    ...overrides,
  };
}

export function fakeReceipt(overrides: Partial<AdminReceipt> = {}): AdminReceipt {
  return {
    id: "0192f0c1-7a3b-7c00-8000-000000000001",
    siteKey: "example-union",
    subjectId: "AAAAAAAAAAAAAAAAAAAAAA",
    policyVersion: "2024-06-01",
    configHash: "0".repeat(64),
    language: "en-GB",
    method: "custom",
    decision: { categories: { necessary: true, analytics: false }, services: {} },
    gpc: false,
    serverTime: "2024-06-03T10:15:00.000Z",
    ip: "203.0.113.0",
    userAgent: "Mozilla/5.0",
    gpcHeader: false,
    jurisdiction: "GB",
    previousId: null,
    digest: null,
    signature: null,
    keyId: null,
    erasedAt: null,
    ...overrides,
  };
}
