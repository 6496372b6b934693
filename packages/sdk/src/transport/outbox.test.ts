import { newSubjectId, type ReceiptInput, readCookie, uuidv7 } from "@assent/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { flush, type OutboxStore, PENDING_FLAG, resetOutbox, WRITE_AHEAD } from "./outbox";
import { cuePending, PENDING_COOKIE } from "./outbox-keys";

const API = "https://consent.example.org";
const memory = new Map<string, ReceiptInput>();
const store: OutboxStore = {
  all: async () => [...memory.values()],
  put: async (r) => void memory.set(r.id, r),
  remove: async (id) => void memory.delete(id),
};
const remember = vi.fn(async () => {});

function receipt(): ReceiptInput {
  return {
    id: uuidv7(),
    siteKey: "demo",
    subjectId: newSubjectId(),
    policyVersion: "1",
    configHash: "a".repeat(64),
    language: "en",
    method: "reject-all",
    decision: { categories: { necessary: true }, services: {} },
    gpc: false,
    previousId: null,
  };
}

/** What the loader does before it imports the outbox. */
function writeAhead(r: ReceiptInput) {
  cuePending(true);
  localStorage.setItem(WRITE_AHEAD + r.id, JSON.stringify(r));
}

/** Whether the next page view is cued to load the outbox (`assent_q`). */
const cued = () => readCookie(document.cookie, PENDING_COOKIE) === "1";

const answer = (status: number) =>
  vi.fn(async (_url: string, init: RequestInit) => new Response(String(init.body), { status }));

beforeEach(() => {
  memory.clear();
  localStorage.clear();
  document.cookie = `${PENDING_COOKIE}=; Max-Age=0; Path=/`;
  remember.mockClear();
  resetOutbox();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("the outbox", () => {
  it("leaves the next page view a cue from the moment a receipt moves into IndexedDB", async () => {
    let release: () => void = () => {};
    const fetchMock = vi.fn(
      (_url: string, init: RequestInit) =>
        new Promise<Response>((resolve) => {
          release = () => resolve(new Response(String(init.body), { status: 201 }));
        }),
    );
    vi.stubGlobal("fetch", fetchMock);
    const r = receipt();
    writeAhead(r);
    const done = flush(API, { store, remember });
    // The page could close now, while the receipt is on its way: IndexedDB has it, and
    // localStorage still says so.
    await vi.waitFor(() => expect(memory.has(r.id)).toBe(true));
    await vi.waitFor(() => expect(localStorage.getItem(WRITE_AHEAD + r.id)).toBeNull());
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledOnce());
    expect(Object.keys(localStorage).some((k) => k.startsWith("assent:q"))).toBe(true);
    release();
    expect(await done).toBe(0);
    expect(Object.keys(localStorage)).toEqual([]);
  });

  it("keeps the next page view's cookie cue while anything waits, and drops it once nothing does", async () => {
    let status = 500;
    vi.stubGlobal(
      "fetch",
      vi.fn(async (_u: string, init: RequestInit) => new Response(String(init.body), { status })),
    );
    const r = receipt();
    writeAhead(r);
    expect(await flush(API, { store, remember })).toBe(1);
    expect(cued()).toBe(true);
    status = 201;
    // Another tab wrote a receipt ahead and has not sent it yet: the cue stays for it.
    const other = receipt();
    resetOutbox();
    const waiting = flush(API, { store, remember });
    localStorage.setItem(WRITE_AHEAD + other.id, JSON.stringify(other));
    expect(await waiting).toBe(0);
    expect(cued()).toBe(true);
    expect(await flush(API, { store, remember })).toBe(0);
    expect(cued()).toBe(false);
    expect(Object.keys(localStorage)).toEqual([]);
  });

  it("takes the loader's write-ahead entry, sends it, and forgets it once acknowledged", async () => {
    const fetchMock = answer(201);
    vi.stubGlobal("fetch", fetchMock);
    const r = receipt();
    writeAhead(r);
    expect(await flush(API, { store, remember })).toBe(0);
    expect(fetchMock).toHaveBeenCalledOnce();
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe(`${API}/v1/receipts`);
    expect(init.keepalive).toBe(true);
    expect(JSON.parse(String(init.body)).id).toBe(r.id);
    expect(memory.size).toBe(0);
    expect(Object.keys(localStorage)).toEqual([]);
    expect(remember).toHaveBeenCalledOnce();
  });

  it("keeps a receipt while the API fails, retries with backoff, and delivers it once", async () => {
    vi.useFakeTimers();
    let status = 500;
    const fetchMock = vi.fn(
      async (_u: string, init: RequestInit) => new Response(String(init.body), { status }),
    );
    vi.stubGlobal("fetch", fetchMock);
    const r = receipt();
    writeAhead(r);
    expect(await flush(API, { store, remember })).toBe(1);
    expect(memory.has(r.id)).toBe(true);
    expect(localStorage.getItem(PENDING_FLAG)).toBe("1");

    await vi.advanceTimersByTimeAsync(1000); // first retry after 1 s: still failing
    expect(fetchMock).toHaveBeenCalledTimes(2);
    status = 201;
    await vi.advanceTimersByTimeAsync(1999); // the next waits 2 s
    expect(fetchMock).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    await vi.waitFor(() => expect(memory.size).toBe(0));
    expect(localStorage.getItem(PENDING_FLAG)).toBeNull();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });

  it("retries when the network is down, and on the online event", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(new TypeError("offline"))),
    );
    const r = receipt();
    writeAhead(r);
    expect(await flush(API, { store, remember })).toBe(1);
    const fetchMock = answer(201);
    vi.stubGlobal("fetch", fetchMock);
    window.dispatchEvent(new Event("online"));
    await vi.waitFor(() => expect(memory.size).toBe(0));
    expect(fetchMock).toHaveBeenCalledOnce();
  });

  it.each([403, 404])("keeps and retries a %i that is not the API's own refusal", async (code) => {
    let status = code;
    // A firewall's or a proxy's page, not the API's JSON error.
    vi.stubGlobal(
      "fetch",
      vi.fn(async (_u: string, init: RequestInit) =>
        status === 201
          ? new Response(String(init.body), { status })
          : new Response("<h1>Forbidden</h1>", {
              status,
              headers: { "Content-Type": "text/html" },
            }),
      ),
    );
    writeAhead(receipt());
    expect(await flush(API, { store, remember })).toBe(1);
    expect(cued()).toBe(true);
    // Someone fixes the firewall or the route: it arrives.
    status = 201;
    expect(await flush(API, { store, remember })).toBe(0);
    expect(remember).toHaveBeenCalledOnce();
  });

  it.each([
    [400, "INVALID_RECEIPT"],
    [403, "ORIGIN_NOT_ALLOWED"],
    [404, "SITE_NOT_FOUND"],
  ])("drops a receipt the API itself refuses (%i %s), with a warning", async (status, code) => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const body = JSON.stringify({ error: { code, message: "refused" } });
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response(body, { status })),
    );
    writeAhead(receipt());
    expect(await flush(API, { store, remember })).toBe(0);
    expect(memory.size).toBe(0);
    expect(warn).toHaveBeenCalled();
    expect(remember).not.toHaveBeenCalled();
  });

  it("hands what is pending to sendBeacon when the page goes away", async () => {
    vi.stubGlobal("fetch", answer(503));
    const beacon = vi.fn(() => true);
    vi.stubGlobal("navigator", { ...navigator, sendBeacon: beacon });
    const r = receipt();
    writeAhead(r);
    await flush(API, { store, remember });
    window.dispatchEvent(new Event("pagehide"));
    expect(beacon).toHaveBeenCalledWith(`${API}/v1/receipts`, expect.any(Blob));
    expect(memory.has(r.id)).toBe(true);
  });

  it("keeps the write-ahead entry when IndexedDB is unavailable, and still sends it", async () => {
    const broken: OutboxStore = {
      all: () => Promise.reject(new Error("no IndexedDB")),
      put: () => Promise.reject(new Error("no IndexedDB")),
      remove: () => Promise.reject(new Error("no IndexedDB")),
    };
    vi.stubGlobal("fetch", answer(503));
    const r = receipt();
    writeAhead(r);
    expect(await flush(API, { store: broken, remember })).toBe(1);
    expect(localStorage.getItem(WRITE_AHEAD + r.id)).not.toBeNull();
    vi.stubGlobal("fetch", answer(201));
    resetOutbox();
    expect(await flush(API, { store: broken, remember })).toBe(0);
    expect(localStorage.getItem(WRITE_AHEAD + r.id)).toBeNull();
  });

  it("sends receipts with its own IndexedDB store where there is no IndexedDB or it is blocked", async () => {
    // happy-dom has no `indexedDB`, as some webviews; Firefox's throws where site data is blocked.
    expect("indexedDB" in globalThis).toBe(false);
    const fetchMock = answer(201);
    vi.stubGlobal("fetch", fetchMock);
    const written = receipt();
    writeAhead(written);
    expect(await flush(API, { unsaved: [receipt()], remember })).toBe(0);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(localStorage.getItem(WRITE_AHEAD + written.id)).toBeNull();
    vi.stubGlobal("indexedDB", {
      open: () => {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
    writeAhead(receipt());
    expect(await flush(API, { remember })).toBe(0);
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });

  it("retries with backoff when localStorage is full", async () => {
    vi.useFakeTimers();
    const full = vi.spyOn(Storage.prototype, "setItem").mockImplementation(() => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    });
    let status = 503;
    const fetchMock = vi.fn(
      async (_u: string, init: RequestInit) => new Response(String(init.body), { status }),
    );
    vi.stubGlobal("fetch", fetchMock);
    expect(await flush(API, { unsaved: [receipt()], store, remember })).toBe(1);
    expect(cued()).toBe(true);
    status = 201;
    await vi.advanceTimersByTimeAsync(1000);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(memory.size).toBe(0);
    full.mockRestore();
  });

  it("sends a receipt no storage would take, keeping it in memory until acknowledged", async () => {
    vi.useFakeTimers();
    const broken: OutboxStore = {
      all: () => Promise.reject(new Error("no IndexedDB")),
      put: () => Promise.reject(new Error("no IndexedDB")),
      remove: () => Promise.reject(new Error("no IndexedDB")),
    };
    let status = 503;
    const fetchMock = vi.fn(
      async (_u: string, init: RequestInit) => new Response(String(init.body), { status }),
    );
    vi.stubGlobal("fetch", fetchMock);
    const r = receipt();
    expect(await flush(API, { unsaved: [r], store: broken, remember })).toBe(1);
    expect(JSON.parse(String((fetchMock.mock.calls[0] as [string, RequestInit])[1].body)).id).toBe(
      r.id,
    );
    status = 201;
    await vi.advanceTimersByTimeAsync(1000);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(remember).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it("moves a receipt that missed the write-ahead into IndexedDB when that works", async () => {
    vi.stubGlobal("fetch", answer(503));
    const r = receipt();
    expect(await flush(API, { unsaved: [r], store, remember })).toBe(1);
    expect(memory.get(r.id)).toEqual(r);
  });

  it("sends a receipt handed over while a flush is already under way", async () => {
    let release: () => void = () => {};
    const bodies: string[] = [];
    vi.stubGlobal(
      "fetch",
      vi.fn((_u: string, init: RequestInit) => {
        bodies.push(String(init.body));
        return new Promise<Response>((resolve) => {
          release = () => resolve(new Response(String(init.body), { status: 201 }));
        });
      }),
    );
    const first = receipt();
    writeAhead(first);
    const done = flush(API, { store, remember });
    await vi.waitFor(() => expect(bodies).toHaveLength(1));
    const second = receipt();
    void flush(API, { unsaved: [second], store, remember });
    release();
    await vi.waitFor(() => expect(bodies).toHaveLength(2));
    release();
    await done;
    await vi.waitFor(() => expect(remember).toHaveBeenCalledTimes(2));
    expect(bodies.map((b) => JSON.parse(b).id)).toEqual([first.id, second.id]);
  });
});
