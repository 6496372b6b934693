import {
  type ConsentRecord,
  decodeConsentCookie,
  defaultSiteConfig,
  encodeConsentCookie,
  type LoaderBoot,
  parseReceiptInput,
  presetJurisdictions,
  readCookie,
  receiptMismatch,
  type SiteConfig,
  selectRule,
  visitorRule,
  workedOutForLoader,
} from "@assent/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ChangeDetail, UiHandle, UiHost, UiModule } from "../contract";
import { flush, type OutboxOptions, type OutboxStore, resetOutbox } from "../transport";
import { PENDING_COOKIE } from "../transport/outbox-keys";
import { start as startLoader } from "./controller";
import { type ButtonHost, offerFloatingButton } from "./offer-floating-button";

const opened: string[] = [];
/** The host the loader handed to the UI chunk, as the banner would read it. */
let mountedHost: UiHost | undefined;
const fakeUi: UiModule = {
  mount: (host): UiHandle => {
    mountedHost = host;
    return { open: async (view) => void opened.push(view), close: () => {} };
  },
};
/** The floating button's module, its button recorded: what the loader asked of it. */
const buttons: { label?: string; optional?: boolean; config: SiteConfig }[] = [];
const fakeButton = {
  offerFloatingButton: (host: ButtonHost, open: () => void) =>
    offerFloatingButton(host, open, (label, _open, _nonce, optional) =>
      buttons.push({ label, optional, config: host.config }),
    ),
};
/** An in-memory outbox behind the real outbox module (happy-dom has no IndexedDB). */
const memory = new Map<string, unknown>();
const store: OutboxStore = {
  all: async () => [...memory.values()] as never,
  put: async (r) => void memory.set(r.id, r),
  remove: async (id) => void memory.delete(id),
};
const fakeOutbox = {
  flush: (api: string, options?: OutboxOptions) =>
    flush(api, { ...options, store, remember: async () => {} }),
};
/** The module at a URL the loader imports (the names are the test ones, see vitest.config.ts). */
async function moduleAt(url: string): Promise<never> {
  if (url.endsWith("/floating-button-test.js")) return fakeButton as never;
  if (url.endsWith("/choice-test.js")) return (await import("./choice")) as never;
  return (url.endsWith("/outbox-test.js") ? fakeOutbox : fakeUi) as never;
}
/** Every module URL the loader imported. */
const imported: string[] = [];
/** The boots below, before the API adds what it works out from the config and rule. */
type Boot = Omit<LoaderBoot, "consentMode" | "traces">;
/** A boot as the API serves it: Consent Mode worked out from its config and its rule. */
const served = (b: Boot): LoaderBoot => ({
  ...b,
  ...workedOutForLoader(b.config, b.rule),
});
const start = (b: Boot) =>
  startLoader(served(b), {
    importUi: async (url) => {
      imported.push(url);
      return moduleAt(url);
    },
  });
/** A start with the list of what this page (and no other test's) imported. */
function startWithImports(b: Boot = boot) {
  const requested: string[] = [];
  const api = startLoader(served(b), {
    importUi: async (url) => {
      requested.push(url);
      return moduleAt(url);
    },
  });
  return { api, requested };
}

const config = defaultSiteConfig("demo", [
  { id: "google-analytics", category: "analytics" },
  { id: "meta-pixel", category: "marketing" },
  { id: "hotjar", category: "analytics" },
]);
const boot: Boot = {
  config,
  configHash: "a".repeat(64),
  api: "https://consent.example.org",
  ui: "https://consent.example.org/sdk/ui-test.js",
};

function clearCookies() {
  for (const part of document.cookie.split(";")) {
    const name = part.split("=")[0]?.trim();
    if (name) document.cookie = `${name}=; Max-Age=0; Path=/`;
  }
}

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  clearCookies();
  window.dataLayer = [];
  document.body.innerHTML = `<script type="text/plain" data-category="analytics" id="ga"></script>`;
  memory.clear();
  localStorage.clear();
  resetOutbox();
  fetchMock = vi.fn(async () => new Response("{}", { status: 201 }));
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(async () => {
  // A start's asynchronous read answers within its own test, not in the next one's page.
  await decisionRead();
  vi.unstubAllGlobals();
  delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
  delete window.fbq;
});

/**
 * Waits until the loader has read the stored decision (the Cookie Store API answers in a later
 * microtask) and what it then left for the next task (the outbox, GPC's receipt) has run.
 */
const decisionRead = async () => {
  await new Promise((r) => setTimeout(r, 0));
  await new Promise((r) => setTimeout(r, 0));
};

/**
 * Whether a cookie is gone. happy-dom expires a `Max-Age=0` cookie only once the clock has moved
 * past the millisecond it was written in (a browser deletes it at once), so this waits a little.
 */
const gone = (name: string) =>
  vi.waitFor(() => expect(readCookie(document.cookie, name), name).toBeNull(), { timeout: 100 });

/** The body of the `call`-th request, once the outbox has sent it. */
async function sent(call: number) {
  await vi.waitFor(() => expect(fetchMock.mock.calls.length).toBeGreaterThan(call));
  return JSON.parse(String((fetchMock.mock.calls[call] as [string, RequestInit])[1].body));
}

/** Gives the page's openers the box a browser would lay them out in (happy-dom lays nothing out). */
function laidOut(): void {
  for (const el of document.querySelectorAll("[data-assent-open]"))
    el.getBoundingClientRect = () => new DOMRect(8, 600, 120, 20);
}

describe("the loader's controller", () => {
  it("accept-all writes the cookie, updates Consent Mode, fires events and sends a valid receipt", async () => {
    const api = start(boot);
    expect(api.get()).toBeNull();
    const changes: unknown[] = [];
    api.on("change", (d) => changes.push(d));
    const events: Event[] = [];
    window.addEventListener("assent:change", (e) => events.push(e), { once: true });

    await api.acceptAll();

    expect(api.has("analytics")).toBe(true);
    const record = decodeConsentCookie(readCookie(document.cookie, "assent"));
    expect(record?.method).toBe("accept-all");
    expect(record?.decision.categories.marketing).toBe(true);
    expect(api.consentId()).toBe(record?.subjectId);
    expect(changes).toHaveLength(1);
    expect(events).toHaveLength(1);
    const update = window.dataLayer?.find((e) => (e as IArguments)[1] === "update") as IArguments;
    expect(update[2]).toMatchObject({ analytics_storage: "granted", ad_storage: "granted" });
    expect(window.dataLayer).toContainEqual(expect.objectContaining({ event: "assent_update" }));

    await sent(0);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe("https://consent.example.org/v1/receipts");
    expect(init.keepalive).toBe(true);
    const parsed = parseReceiptInput(JSON.parse(String(init.body)));
    expect(parsed.ok).toBe(true);
  });

  it("names the build's standard wording in every receipt, whatever made the choice", async () => {
    const api = start(boot);
    await api.rejectAll();
    await api.set({ categories: { analytics: true } });
    await api.withdraw();
    const bodies = await Promise.all([0, 1, 2].map(sent));
    expect(bodies.map((b) => [b.method, b.wording])).toEqual([
      ["reject-all", "testWord"],
      ["api", "testWord"],
      ["withdraw", "testWord"],
    ]);
    for (const body of bodies) expect(parseReceiptInput(body).ok).toBe(true);
  });

  it("pushes every service's choice with the categories onto dataLayer", async () => {
    const api = start(boot);
    await api.set({ categories: { analytics: true }, services: { hotjar: false } });
    expect(window.dataLayer).toContainEqual({
      event: "assent_update",
      assent: {
        method: "api",
        necessary: true,
        preferences: false,
        analytics: true,
        marketing: false,
        embeds: false,
        services: { "google-analytics": true, "meta-pixel": false, hotjar: false },
      },
    });
  });

  it("rejects set() with what it cannot mean, and records nothing", async () => {
    const api = start(boot);
    const changes = vi.fn();
    api.on("change", changes);
    const set = (choice: unknown) => api.set(choice as never);
    await expect(set(undefined)).rejects.toThrow(TypeError);
    await expect(set(null)).rejects.toThrow(TypeError);
    await expect(set(["analytics"])).rejects.toThrow(TypeError);
    await expect(set({ categories: "x" })).rejects.toThrow(/categories "x"/);
    await expect(set({ categories: { analytics: "true" } })).rejects.toThrow(
      /categories\.analytics "true": expected true or false/,
    );
    await expect(set({ categories: { analytic: true } })).rejects.toThrow(RangeError);
    await expect(set({ categories: { analytic: true } })).rejects.toThrow(/categories\.analytic\b/);
    await expect(set({ services: { nope: true } })).rejects.toThrow(/services\.nope\b/);
    await expect(set({ analytics: true })).rejects.toThrow(/analytics: expected categories/);
    // No cookie, no receipt, no change: the banner still asks.
    expect(readCookie(document.cookie, "assent")).toBeNull();
    expect(Object.keys(localStorage).filter((k) => k.startsWith("assent:q:"))).toEqual([]);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(changes).not.toHaveBeenCalled();
    expect(api.get()).toBeNull();
    await api.set({ categories: { analytics: true }, services: { hotjar: false } });
    expect(api.has("analytics")).toBe(true);
  });

  it("sends a receipt that localStorage refuses (quota full, storage disabled) instead of losing it", async () => {
    const beacon = vi.fn(() => true);
    vi.stubGlobal("navigator", { ...navigator, sendBeacon: beacon });
    const setItem = vi.spyOn(localStorage, "setItem").mockImplementation(() => {
      throw new DOMException("full", "QuotaExceededError");
    });
    try {
      const api = start(boot);
      await api.rejectAll();
      const body = await sent(0);
      expect(body.method).toBe("reject-all");
      expect(parseReceiptInput(body).ok).toBe(true);
      // Beaconed at once too: a reload on withdrawal cannot take it with the page.
      expect(beacon).toHaveBeenCalledWith(
        "https://consent.example.org/v1/receipts",
        JSON.stringify(body),
      );
    } finally {
      setItem.mockRestore();
    }
  });

  it("records the language the banner is shown in, not one it cannot speak", async () => {
    document.documentElement.lang = "ja";
    try {
      await start(boot).acceptAll();
      expect((await sent(0)).language).toBe("en");
      expect(mountedHost?.language ?? "en").toBe("en");
    } finally {
      document.documentElement.lang = "";
    }
  });

  it("records English when the banner had to fall back to it", async () => {
    document.documentElement.lang = "de";
    try {
      const api = start(boot);
      await vi.waitFor(() => expect(mountedHost?.language).toBe("de"));
      // What the UI says when the German texts could not be loaded (see the UI's own test).
      (mountedHost as UiHost).languageShown = "en";
      await api.acceptAll();
      expect((await sent(0)).language).toBe("en");
    } finally {
      document.documentElement.lang = "";
    }
  });

  it("a returning visitor's decision applies at start, and a new choice chains receipts", async () => {
    const first = start(boot);
    await first.set({ categories: { analytics: true } });
    const firstId = decodeConsentCookie(readCookie(document.cookie, "assent"))?.receiptId;

    const second = start(boot);
    expect(second.has("analytics")).toBe(true);
    expect(second.has("marketing")).toBe(false);
    await second.withdraw();
    expect(second.has("analytics")).toBe(false);
    const body = await sent(1);
    expect(body.method).toBe("withdraw");
    expect(body.previousId).toBe(firstId);
    expect(body.subjectId).toBe(first.consentId());
  });

  it("applies the decision to what a single-page app renders later, each script once", async () => {
    await start(boot).set({ categories: { analytics: true } });
    const api = start(boot);
    await decisionRead();
    // A view rendered after the page was parsed: an allowed script, a denied one, an embed.
    document.body.insertAdjacentHTML(
      "beforeend",
      `<script type="text/plain" data-category="analytics" id="late-ga"></script>
      <script type="text/plain" data-category="marketing" id="late-ads"></script>
      <iframe data-src="https://www.youtube.com/embed/x" data-category="analytics" id="late-frame"></iframe>`,
    );
    const late = (id: string) => document.getElementById(id);
    await decisionRead();
    expect(late("late-ga")?.getAttribute("type")).toBe("text/plain");
    expect(late("late-frame")?.getAttribute("src")).toBeNull();
    api.apply();
    await vi.waitFor(() => expect(late("late-ga")?.getAttribute("type")).toBeNull());
    expect(late("late-frame")?.getAttribute("src")).toBe("https://www.youtube.com/embed/x");
    expect(late("late-ads")?.getAttribute("type")).toBe("text/plain");
    // Applied again: what ran is not run twice.
    const activated = late("late-ga");
    api.apply();
    await decisionRead();
    expect(late("late-ga")).toBe(activated);
    expect(document.querySelectorAll("#late-ga")).toHaveLength(1);
  });

  it("loads the banner only when a decision is needed", async () => {
    opened.length = 0;
    const first = start(boot);
    expect(opened).toEqual([]); // fetched in the next task, not during the loader's own
    await new Promise((r) => setTimeout(r, 0));
    expect(opened).toEqual(["banner"]);
    await first.acceptAll();
    start(boot);
    await new Promise((r) => setTimeout(r, 0));
    expect(opened).toEqual(["banner"]);
  });

  it("imports its modules by their built names from beside the UI chunk, not from the page", async () => {
    imported.length = 0;
    const api = start(boot);
    await vi.waitFor(() => expect(imported.length).toBeGreaterThanOrEqual(2));
    // The banner, fetched together with its language; nothing else before a choice.
    expect(imported.slice(0, 2)).toEqual([
      "https://consent.example.org/sdk/ui-test.js",
      "https://consent.example.org/sdk/lang/en-test.js",
    ]);
    // Once the banner has had its frame, the choice module: a click on it never waits for it.
    await vi.waitFor(() => expect(imported).toHaveLength(3));
    expect(imported[2]).toBe("https://consent.example.org/sdk/choice-test.js");
    await new Promise((r) => setTimeout(r, 10));
    expect(imported).toHaveLength(3);
    // A choice brings the outbox (to send its receipt) and the way back to it.
    await api.acceptAll();
    // The way back once the page has had its next frame.
    await vi.waitFor(() =>
      expect(imported.slice(3)).toEqual([
        "https://consent.example.org/sdk/outbox-test.js",
        "https://consent.example.org/sdk/floating-button-test.js",
      ]),
    );
  });

  it("asks again after the policy version changes, with nothing pre-ticked from the old choice", async () => {
    await start(boot).acceptAll();
    mountedHost = undefined;
    const bumped = start({ ...boot, config: { ...config, policyVersion: "2" } });
    expect(bumped.get()).toBeNull();
    const host = await vi.waitFor(() => {
      if (!mountedHost) throw new Error("the banner is not mounted yet");
      return mountedHost;
    });
    expect(host.reconsent).toBe(true);
    expect(host.decision()).toBeNull();
  });

  it("has a service the site moves into a refused category follow it, unless the visitor set it", async () => {
    await start(boot).set({ categories: { analytics: true }, services: { "meta-pixel": true } });
    // Re-filed without a policy change: nobody is asked again.
    const moved = {
      ...config,
      services: config.services.map((s) =>
        s.id === "hotjar" || s.id === "meta-pixel" ? { ...s, category: "preferences" } : s,
      ),
    };
    const api = start({ ...boot, config: moved });
    expect(api.has("preferences")).toBe(false);
    expect(api.has("hotjar")).toBe(false);
    // Set against its category by the visitor: their own setting stands.
    expect(api.has("meta-pixel")).toBe(true);
    expect(api.has("google-analytics")).toBe(true);
  });

  it("runs a necessary service added after the visitor decided, as the preference centre shows it", async () => {
    await start(boot).rejectAll();
    const grown = {
      ...config,
      services: [...config.services, { id: "checkout", category: "necessary" }],
    };
    expect(start({ ...boot, config: grown }).has("checkout")).toBe(true);
  });

  it("offers the floating button on every page with a decision unless the site turned it off", async () => {
    await start(boot).rejectAll();
    const off = { ...config };
    const on = { ...config, ui: { ...config.ui, floatingButton: true } };
    start({ ...boot, config: off });
    start({ ...boot, config: on });
    const theirs = () => buttons.filter((b) => b.config === off || b.config === on);
    await vi.waitFor(() => expect(theirs()).toHaveLength(2));
    // Off, it is still mounted unless the page shows its own visible data-assent-open.
    expect(theirs()).toEqual([
      { label: "Cookie settings", optional: true, config: off },
      { label: "Cookie settings", optional: false, config: on },
    ]);
  });

  it("labels the floating button in the page's language", async () => {
    await start(boot).rejectAll();
    document.documentElement.lang = "cy";
    try {
      const welsh = { ...config };
      start({ ...boot, config: welsh });
      await vi.waitFor(() =>
        expect(buttons.find((b) => b.config === welsh)?.label).toBe("Gosodiadau cwcis"),
      );
    } finally {
      document.documentElement.lang = "";
    }
  });
});

describe("reading the stored decision", () => {
  /** A returning visitor who accepted analytics only. */
  async function returning() {
    await start(boot).set({ categories: { analytics: true } });
    await gone(PENDING_COOKIE);
    window.dataLayer = [];
  }
  const consentCommands = () => (window.dataLayer as IArguments[]).map((c) => `${c[0]} ${c[1]}`);

  it("asks the Cookie Store API, so a page view never waits on document.cookie", async () => {
    await returning();
    const { requested } = startWithImports();
    const reads = vi.spyOn(document, "cookie", "get");
    try {
      // The loader's own task: Consent Mode's default only, the decision not read yet.
      expect(consentCommands()).toEqual(["consent default"]);
      await decisionRead();
      expect(consentCommands()).toEqual(["consent default", "consent update"]);
      expect(((window.dataLayer ?? [])[1] as IArguments)[2]).toMatchObject({
        analytics_storage: "granted",
        ad_storage: "denied",
      });
      expect(document.querySelector("#ga")?.getAttribute("type")).not.toBe("text/plain");
      // The way back only (after the next frame): nothing left behind, no receipt waiting.
      await vi.waitFor(() =>
        expect(requested).toEqual(["https://consent.example.org/sdk/floating-button-test.js"]),
      );
      expect(reads).not.toHaveBeenCalled();
    } finally {
      reads.mockRestore();
    }
  });

  it("looks for what a denied service left behind in the cookies the store gave", async () => {
    await returning();
    // Set by the pixel on another page, after the visitor had allowed it there.
    document.cookie = "_fbp=fb.1.1; Path=/";
    const { requested } = startWithImports();
    await decisionRead();
    expect(requested).toContain("https://consent.example.org/sdk/choice-test.js");
    await gone("_fbp");
  });

  it("answers a page script that asks before the store does from document.cookie, once", async () => {
    await returning();
    const api = start(boot);
    expect(api.has("analytics")).toBe(true);
    expect(api.has("marketing")).toBe(false);
    expect(api.get()?.categories.analytics).toBe(true);
    // Applied in that call; the store's later answer changes nothing.
    expect(consentCommands()).toEqual(["consent default", "consent update"]);
    await decisionRead();
    expect(consentCommands()).toEqual(["consent default", "consent update"]);
  });

  it("opens localStorage for what denied services left only for a visitor who chose before", async () => {
    localStorage.setItem("yt-remote-device-id", "1");
    const opened = vi.spyOn(window, "localStorage", "get");
    try {
      // A first visit: YouTube is denied and keeps keys there, but nobody chose here yet.
      startWithImports();
      await decisionRead();
      expect(opened).not.toHaveBeenCalled();
    } finally {
      opened.mockRestore();
    }
    await start(boot).set({ categories: { analytics: true } });
    await gone(PENDING_COOKIE);
    localStorage.setItem("yt-remote-device-id", "1");
    const { requested } = startWithImports();
    await decisionRead();
    expect(requested).toContain("https://consent.example.org/sdk/choice-test.js");
    await vi.waitFor(() => expect(localStorage.getItem("yt-remote-device-id")).toBeNull());
  });

  it("follows a decision made in another tab: a withdrawal there stops what runs here, and logs nothing twice", async () => {
    const api = start(boot);
    await api.acceptAll();
    await gone(PENDING_COOKIE);
    expect(api.has("analytics")).toBe(true);
    const details: ChangeDetail[] = [];
    api.on("change", (d) => details.push(d));
    const receipts = fetchMock.mock.calls.length;
    const ours = readCookie(document.cookie, "assent") as string;
    // The cookie this page wrote itself, heard back, changes nothing.
    await window.cookieStore.set({ name: "assent", value: ours });
    await decisionRead();
    expect(details).toEqual([]);

    // Another tab withdraws: its record, written to the cookie the tabs share.
    const mine = decodeConsentCookie(ours) as ConsentRecord;
    const theirs: ConsentRecord = {
      ...mine,
      receiptId: "01a2b3c4-0000-7000-8000-000000000001",
      method: "withdraw",
      decidedAt: Math.floor(Date.now() / 1000) * 1000,
      decision: { categories: { necessary: true }, services: {} },
    };
    await window.cookieStore.set({ name: "assent", value: encodeConsentCookie(theirs) });
    await vi.waitFor(() => expect(details).toHaveLength(1));
    expect(details[0]).toMatchObject({ method: "withdraw", receiptId: theirs.receiptId });
    expect(api.has("analytics")).toBe(false);
    expect(api.get()?.categories.analytics).toBe(false);
    const update = (window.dataLayer as IArguments[])
      .filter((c) => c[0] === "consent" && c[1] === "update")
      .pop();
    expect(update?.[2]).toMatchObject({ analytics_storage: "denied" });
    // That tab logged it: no receipt from this one.
    await decisionRead();
    expect(fetchMock.mock.calls.length).toBe(receipts);
  });

  it("reads document.cookie where the store fails or the browser has none", async () => {
    await returning();
    const getAll = vi
      .spyOn(window.cookieStore, "getAll")
      .mockRejectedValue(new DOMException("denied", "SecurityError"));
    try {
      const api = start(boot);
      await decisionRead();
      expect(consentCommands()).toEqual(["consent default", "consent update"]);
      expect(api.get()?.categories.analytics).toBe(true);
    } finally {
      getAll.mockRestore();
    }
    window.dataLayer = [];
    vi.stubGlobal("cookieStore", undefined);
    start(boot);
    // In the loader's own task, as before the Cookie Store API.
    expect(consentCommands()).toEqual(["consent default", "consent update"]);
  });
});

describe("the choice module, imported on demand", () => {
  /** A start whose choice module arrives only when `arrive` is called. */
  function withSlowChoices() {
    let arrive = () => {};
    const ready = new Promise<void>((resolve) => {
      arrive = resolve;
    });
    const api = startLoader(served(boot), {
      importUi: async (url) => {
        if (url.endsWith("/choice-test.js")) await ready;
        return moduleAt(url);
      },
    });
    return { api, arrive };
  }

  it("applies choices made before it arrives once it is there, in the order they were made", async () => {
    const { api, arrive } = withSlowChoices();
    const done = vi.fn();
    const accepted = api.acceptAll().then(done);
    const rejected = api.rejectAll();
    // Until then what holds is answered, and nothing is decided, stored or sent.
    await new Promise((r) => setTimeout(r, 5));
    expect(done).not.toHaveBeenCalled();
    expect(api.get()).toBeNull();
    expect(api.has("analytics")).toBe(false);
    expect(readCookie(document.cookie, "assent")).toBeNull();
    arrive();
    await accepted;
    await rejected;
    expect(api.has("analytics")).toBe(false);
    expect(decodeConsentCookie(readCookie(document.cookie, "assent"))?.method).toBe("reject-all");
    expect((await sent(0)).method).toBe("accept-all");
    expect((await sent(1)).method).toBe("reject-all");
  });

  it("applies a choice before the call returns once it is there (the banner fetched it)", async () => {
    const { api, requested } = startWithImports();
    // Fetched after the banner's first frame, so that a click on the banner never waits for it.
    await vi.waitFor(() =>
      expect(requested).toContain("https://consent.example.org/sdk/choice-test.js"),
    );
    await new Promise((r) => setTimeout(r, 0));
    void api.acceptAll();
    expect(api.has("analytics")).toBe(true);
    expect(window.dataLayer).toContainEqual(expect.objectContaining({ event: "assent_update" }));
  });

  it("writes the receipt ahead before the page's listeners run, so a failing one cannot lose it", async () => {
    const reported = vi.spyOn(console, "error").mockImplementation(() => {});
    const api = start(boot);
    let waiting: string[] = [];
    const failure = new Error("the site's own listener");
    api.on("change", () => {
      waiting = Object.keys(localStorage).filter((k) => k.startsWith("assent:q:"));
      throw failure;
    });
    await api.acceptAll();
    expect(waiting).toHaveLength(1);
    expect(reported).toHaveBeenCalledWith(failure);
    expect(api.has("analytics")).toBe(true);
    expect((await sent(0)).method).toBe("accept-all");
    reported.mockRestore();
  });

  it("applies a choice whatever the page's own listeners throw: the others, the way back, the reload", async () => {
    const reported = vi.spyOn(console, "error").mockImplementation(() => {});
    const reload = mockReload();
    const site = { ...config };
    const api = start({ ...boot, config: site });
    const heard: string[] = [];
    api.on("change", () => {
      throw new Error("the site's first listener");
    });
    const throwing = () => {
      throw new Error("the site's event listener");
    };
    window.addEventListener("assent:change", throwing);
    api.on("change", ({ method }) => heard.push(method));
    await api.acceptAll();
    expect(heard).toEqual(["accept-all"]);
    expect(window.dataLayer).toContainEqual(expect.objectContaining({ event: "assent_update" }));
    // The way back is offered once the page has had its frame.
    await vi.waitFor(() => expect(buttons.filter((b) => b.config === site)).toHaveLength(1));
    // The gated script has run: withdrawing it reloads the page.
    await vi.waitFor(() => expect(document.getElementById("ga")?.getAttribute("type")).toBeNull());
    await api.withdraw();
    expect(heard).toEqual(["accept-all", "withdraw"]);
    expect(reload).toHaveBeenCalledOnce();
    expect(reported).toHaveBeenCalledWith(new Error("the site's first listener"));
    window.removeEventListener("assent:change", throwing);
    vi.restoreAllMocks();
  });

  it("leaves localStorage unopened on a returning visit with nothing waiting or left behind", async () => {
    await start(boot).acceptAll();
    await sent(0);
    await gone("assent_q");
    const storage = vi.spyOn(window, "localStorage", "get");
    const { requested } = startWithImports();
    await new Promise((r) => setTimeout(r, 10));
    expect(storage).not.toHaveBeenCalled();
    expect(requested).not.toContain("https://consent.example.org/sdk/outbox-test.js");
    storage.mockRestore();
  });

  it("loads the outbox on the next page view when its cookie cue says a receipt waits", async () => {
    fetchMock.mockImplementation(async () => Promise.reject(new TypeError("offline")));
    await start(boot).rejectAll();
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(readCookie(document.cookie, "assent_q")).toBe("1");
    resetOutbox();
    fetchMock.mockImplementation(async () => new Response("{}", { status: 201 }));
    const { requested } = startWithImports();
    await vi.waitFor(() =>
      expect(requested).toContain("https://consent.example.org/sdk/outbox-test.js"),
    );
    await gone("assent_q");
  });

  it("is not fetched on a returning visit with nothing left behind, and clears what is", async () => {
    await start(boot).rejectAll();
    await sent(0);
    await gone("assent_q");
    const plain = startWithImports();
    await vi.waitFor(() =>
      expect(plain.requested).toEqual(["https://consent.example.org/sdk/floating-button-test.js"]),
    );

    // A denied service's cookie and storage key (set by a tag elsewhere, or before the refusal).
    document.cookie = "_ga=GA1.1.1; Path=/";
    localStorage.setItem("_hjSessionUser_1", "x");
    document.cookie = "site_pref=dark; Path=/";
    const cleaning = startWithImports();
    await gone("_ga");
    expect(localStorage.getItem("_hjSessionUser_1")).toBeNull();
    expect(readCookie(document.cookie, "site_pref")).toBe("dark");
    expect(cleaning.requested).toContain("https://consent.example.org/sdk/choice-test.js");
  });

  it("does not fetch the floating button where the site turned it off and the page shows its own way back", async () => {
    await start(boot).rejectAll();
    await vi.waitFor(() => expect(buttons.length).toBeGreaterThan(0));
    // The receipt sent (a page view that sees the outbox's cue fetches the outbox to send it).
    await gone(PENDING_COOKIE);
    document.body.innerHTML = `<footer><a href="#" data-assent-open>Cookie settings</a></footer>`;
    laidOut();
    const { requested } = startWithImports();
    await new Promise((r) => setTimeout(r, 10));
    expect(requested).toEqual([]);
  });
});

describe("a first visit: the banner comes first", () => {
  it("shows the banner while the page is still being parsed, its gates once it is", async () => {
    // A long page the parser is still reading: DOMContentLoaded has not come.
    const readyState = vi.spyOn(document, "readyState", "get").mockReturnValue("loading");
    try {
      opened.length = 0;
      document.body.innerHTML = `<script type="text/plain" data-category="necessary" id="own"></script>`;
      start(boot);
      await decisionRead();
      expect(opened).toEqual(["banner"]);
      // The gates wait for the whole page: what the parser has not reached cannot be gated yet.
      expect(document.getElementById("own")?.getAttribute("type")).toBe("text/plain");
      readyState.mockReturnValue("interactive");
      document.dispatchEvent(new Event("DOMContentLoaded"));
      await vi.waitFor(() =>
        expect(document.querySelector("script#own")?.hasAttribute("type")).toBe(false),
      );
    } finally {
      readyState.mockRestore();
    }
  });

  it("fetches an embed's placeholder after the banner has had its frame, on a later visit at once", async () => {
    document.body.innerHTML = `<iframe data-src="https://www.youtube.com/embed/x" data-category="embeds" data-service="youtube"></iframe>`;
    const { api, requested } = startWithImports();
    await vi.waitFor(() => expect(requested.length).toBeGreaterThanOrEqual(2));
    expect(requested.slice(0, 2)).toEqual([
      "https://consent.example.org/sdk/ui-test.js",
      "https://consent.example.org/sdk/lang/en-test.js",
    ]);
    await vi.waitFor(() =>
      expect(requested).toContain("https://consent.example.org/sdk/embed-placeholder-test.js"),
    );
    await api.rejectAll();
    const later = startWithImports();
    await decisionRead();
    expect(later.requested).toContain("https://consent.example.org/sdk/embed-placeholder-test.js");
  });
});

describe("withdrawal", () => {
  it("deletes the withdrawn services' cookies and storage keys and says which were withdrawn", async () => {
    const api = start(boot);
    await api.acceptAll();
    document.cookie = "_ga=GA1.1.1; Path=/";
    document.cookie = "_ga_ABC123=GS1; Path=/";
    document.cookie = "_gid=GA1.1.2; Path=/";
    document.cookie = "_fbp=fb.1.1; Path=/";
    document.cookie = "site_pref=dark; Path=/";
    localStorage.setItem("_hjSessionUser_1", "x");
    localStorage.setItem("cart", "3");
    sessionStorage.setItem("_hjRecordingLastActivity", "1");
    sessionStorage.setItem("checkout", "2");
    const details: ChangeDetail[] = [];
    api.on("change", (d) => details.push(d));

    await api.set({ categories: { marketing: true } });

    // The site's services and the catalogue's it does not list but whose category was granted.
    expect(details[0]?.withdrawn).toEqual(expect.arrayContaining(["google-analytics", "hotjar"]));
    expect(details[0]?.withdrawn).not.toContain("meta-pixel");
    await gone("_ga");
    await gone("_ga_ABC123");
    await gone("_gid");
    expect(readCookie(document.cookie, "_fbp")).toBe("fb.1.1");
    expect(readCookie(document.cookie, "site_pref")).toBe("dark");
    expect(localStorage.getItem("_hjSessionUser_1")).toBeNull();
    expect(localStorage.getItem("cart")).toBe("3");
    expect(sessionStorage.getItem("_hjRecordingLastActivity")).toBeNull();
    expect(sessionStorage.getItem("checkout")).toBe("2");

    await api.withdraw();
    await gone("_fbp");
    expect(details[1]?.withdrawn).toContain("meta-pixel");
    expect(details[1]?.withdrawn).not.toContain("google-analytics");
    expect((await sent(2)).method).toBe("withdraw");
  });

  it("keeps the Meta pixel's consent in step with the decision", async () => {
    const fbq = vi.fn();
    window.fbq = fbq;
    const api = start(boot);
    await decisionRead();
    expect(fbq).toHaveBeenLastCalledWith("consent", "revoke");
    await api.acceptAll();
    expect(fbq).toHaveBeenLastCalledWith("consent", "grant");
    await api.rejectAll();
    expect(fbq).toHaveBeenLastCalledWith("consent", "revoke");
  });
});

describe("Global Privacy Control", () => {
  it("leaves marketing denied on accept-all and records the signal", async () => {
    (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl = true;
    const api = start(boot);
    await api.acceptAll();
    expect(api.has("analytics")).toBe(true);
    expect(api.has("marketing")).toBe(false);
    expect(api.has("meta-pixel")).toBe(false);
    expect(await sent(0)).toMatchObject({ method: "accept-all", gpc: true });
    expect((await sent(0)).decision.categories.marketing).toBe(false);
    // An explicit choice in the preference centre is the visitor's to make.
    await api.set({ categories: { marketing: true } });
    expect(api.has("marketing")).toBe(true);
  });
});

describe("Global Privacy Control follows purposes, not names", () => {
  /** The site's advertising category, called something other than `marketing`. */
  const renamed = {
    ...defaultSiteConfig("demo", [
      { id: "google-analytics", category: "analytics" },
      { id: "google-ads", category: "advertising" },
      { id: "meta-pixel", category: "advertising" },
    ]),
    categories: [{ id: "necessary", required: true }, { id: "analytics" }, { id: "advertising" }],
    // Google Signals mapped from analytics: GPC keeps the advertising keys denied all the same.
    consentMode: {
      categories: {
        analytics: ["analytics_storage" as const, "ad_storage" as const],
        advertising: [
          "ad_storage" as const,
          "ad_user_data" as const,
          "ad_personalization" as const,
        ],
      },
    },
  };
  const lastUpdate = () =>
    (
      (window.dataLayer ?? []).filter((e) => (e as IArguments)[1] === "update").pop() as IArguments
    )[2];

  it("denies what advertises or sells on Accept all, and keeps the advertising keys denied", async () => {
    (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl = true;
    const fbq = vi.fn();
    window.fbq = fbq;
    const api = start({ ...boot, config: renamed });
    await api.acceptAll();
    expect(api.has("analytics")).toBe(true);
    expect(api.has("advertising")).toBe(false);
    expect(api.has("meta-pixel")).toBe(false);
    expect(api.has("google-ads")).toBe(false);
    expect(fbq).toHaveBeenLastCalledWith("consent", "revoke");
    expect(lastUpdate()).toMatchObject({
      analytics_storage: "granted",
      ad_storage: "denied",
      ad_user_data: "denied",
      ad_personalization: "denied",
    });
    expect(await sent(0)).toMatchObject({ method: "accept-all", gpc: true });
    // The visitor's own choice in the preference centre is theirs to make.
    await api.set({ categories: { analytics: true, advertising: true } });
    expect(api.has("meta-pixel")).toBe(true);
    expect(lastUpdate()).toMatchObject({ ad_storage: "granted", ad_user_data: "granted" });
  });

  it("grants everything on Accept all without the signal", async () => {
    const api = start({ ...boot, config: renamed });
    await api.acceptAll();
    expect(api.has("advertising")).toBe(true);
    expect(lastUpdate()).toMatchObject({ ad_storage: "granted", ad_personalization: "granted" });
  });
});

/** Stands in for `location.reload` (restored by `vi.restoreAllMocks()`). */
function mockReload() {
  const reload = vi.fn();
  const { hostname, pathname, protocol, href } = window.location;
  vi.spyOn(window, "location", "get").mockReturnValue({
    hostname,
    pathname,
    protocol,
    href,
    reload,
  } as unknown as Location);
  return reload;
}

describe("site options", () => {
  it("reloads after a withdrawal when a withdrawn script had run, unless the site says not to", async () => {
    const reload = mockReload();
    // On by default: a script that already ran can only be stopped by leaving the page.
    const api = start(boot);
    await api.acceptAll();
    await new Promise((r) => setTimeout(r, 0));
    await api.set({ categories: { analytics: true } });
    expect(reload).not.toHaveBeenCalled();
    await api.withdraw();
    expect(reload).toHaveBeenCalledOnce();
    // A site that stops its scripts itself may turn it off.
    const off = start({ ...boot, config: { ...config, reloadOnWithdraw: false } });
    await off.acceptAll();
    await new Promise((r) => setTimeout(r, 0));
    await off.withdraw();
    expect(reload).toHaveBeenCalledOnce();
    vi.restoreAllMocks();
  });

  it("reloads after a withdrawal of a script marked with a category and a service the site does not list", async () => {
    const reload = mockReload();
    // Its service is in no decision, so its category decides: withdrawn with analytics.
    document.body.innerHTML = `<script type="text/plain" data-category="analytics" data-service="matomo" id="m">1</script>`;
    const api = start(boot);
    await api.acceptAll();
    await vi.waitFor(() => expect(document.getElementById("m")?.getAttribute("type")).toBeNull());
    await api.withdraw();
    expect(reload).toHaveBeenCalledOnce();
    vi.restoreAllMocks();
  });

  it("in advanced Consent Mode deletes Google's cookies on a withdrawal, though its tags still load", async () => {
    const advanced = { ...boot, config: { ...config, consentMode: { mode: "advanced" as const } } };
    const api = start(advanced);
    await api.acceptAll();
    document.cookie = "_ga=GA1.1.1.1; path=/";
    const changes: ChangeDetail[] = [];
    api.on("change", (d) => changes.push(d));
    await api.withdraw();
    await gone("_ga");
    expect(changes[0]?.withdrawn).toContain("google-analytics");
    // Left behind on a later page view (a tab that had not heard), it is found and deleted too.
    document.cookie = "_ga=GA1.1.1.2; path=/";
    start(advanced);
    await gone("_ga");
  });

  it("lets Google's tags load before consent only in advanced Consent Mode", async () => {
    // A necessary script after it: once that one has run, the gate has passed Google's by.
    document.body.innerHTML = `<script type="text/plain" data-service="google-analytics" id="ga"></script>
      <script type="text/plain" data-category="necessary" id="n"></script>`;
    const type = (id: string) => document.getElementById(id)?.getAttribute("type");
    start(boot);
    await vi.waitFor(() => expect(type("n")).toBeNull());
    expect(type("ga")).toBe("text/plain");
    start({ ...boot, config: { ...config, consentMode: { mode: "advanced" } } });
    await vi.waitFor(() => expect(type("ga")).toBeNull());
  });
});

describe("a visitor's rule (boot.rule)", () => {
  /** A site counting visits itself under the UK statistics exemption, with the preset rules. */
  const ruled: SiteConfig = {
    ...defaultSiteConfig("demo", [
      {
        id: "visit-counter",
        category: "statistics",
        purposes: ["analytics"],
        cookies: [{ name: "_vc", days: 30 }],
      },
      { id: "google-analytics", category: "statistics" },
      { id: "meta-pixel", category: "marketing" },
    ]),
    jurisdictions: presetJurisdictions(),
  };
  ruled.categories = [...ruled.categories, { id: "statistics", exemption: "statistics" }];
  ruled.consentMode = {
    categories: { statistics: ["analytics_storage"], marketing: ["ad_storage"] },
  };
  const bootFor = (country: string, subdivision?: string): Boot => ({
    ...boot,
    config: ruled,
    rule: visitorRule(ruled, selectRule(ruled, { country, subdivision })),
  });
  const defaults = () =>
    (window.dataLayer as IArguments[]).filter((e) => e[0] === "consent" && e[1] === "default");
  const tick = () => new Promise((r) => setTimeout(r, 0));
  /** The Consent Mode state Google's tags apply in `region`: the defaults, then the updates. */
  const consentState = (region: string) => {
    const state: Record<string, unknown> = {};
    for (const [, kind, { region: scope, ...keys }] of window.dataLayer as [
      string,
      string,
      { region?: string[] },
    ][])
      if (kind === "update" || !scope || scope.some((r) => region.startsWith(r)))
        Object.assign(state, keys);
    return state;
  };
  // What a start left for the next task (the banner, GPC's receipt) ends with its test.
  afterEach(async () => {
    await tick();
    opened.length = 0;
    buttons.length = 0;
  });

  it("runs a UK exemption's qualifying services before a choice, still asks, and Object stops them with a receipt", async () => {
    await tick();
    opened.length = 0;
    document.cookie = "_vc=1; Path=/";
    const api = start(bootFor("GB"));
    expect(api.get()).toBeNull();
    expect(api.has("visit-counter")).toBe(true);
    // Google Analytics with Signals does not qualify: it waits for consent.
    expect(api.has("google-analytics")).toBe(false);
    expect(api.has("marketing")).toBe(false);
    await tick();
    expect(opened).toEqual(["banner"]);
    // Consent Mode: denied everywhere, GA held back here, so no region gets analytics_storage.
    expect(defaults()).toHaveLength(1);

    const changes: ChangeDetail[] = [];
    api.on("change", (d) => changes.push(d));
    await api.object();
    expect(api.has("visit-counter")).toBe(false);
    expect(api.has("statistics")).toBe(false);
    expect(changes[0]?.withdrawn).toEqual(["visit-counter"]);
    await gone("_vc");
    const receipt = await sent(0);
    expect(receipt).toMatchObject({ method: "object" });
    expect(receiptMismatch(receipt, ruled)).toBeNull();
  });

  it("keeps a UK exemption running on Reject all: refusing consent is not objecting", async () => {
    const api = start(bootFor("GB"));
    await api.rejectAll();
    expect(api.has("visit-counter")).toBe(true);
    expect(api.has("google-analytics")).toBe(false);
    const receipt = await sent(0);
    expect(receipt.method).toBe("reject-all");
    expect(receiptMismatch(receipt, ruled)).toBeNull();
  });

  it("does not take a UK refusal that kept an exemption running as consent under another rule", async () => {
    await start(bootFor("GB")).rejectAll();
    // The same browser in France: statistics ran by exemption only, so the visitor is asked.
    const inFrance = start(bootFor("FR"));
    expect(inFrance.get()).toBeNull();
    expect(inFrance.has("visit-counter")).toBe(false);
    // Back in the UK the refusal holds, the exemption with it.
    expect(start(bootFor("GB")).get()?.categories.statistics).toBe(true);
    // A UK "Accept all" is consent to everything: it holds in France too.
    await start(bootFor("GB")).acceptAll();
    expect(start(bootFor("FR")).has("visit-counter")).toBe(true);
    // And a UK choice that objected to the exemption holds everywhere.
    await start(bootFor("GB")).object();
    expect(start(bootFor("FR")).get()?.categories.statistics).toBe(false);
  });

  it("pushes the UK rule's region-scoped Consent Mode default after the global denied one", () => {
    const counting = {
      ...ruled,
      services: ruled.services.filter((s) => s.id !== "google-analytics"),
    };
    start({
      ...boot,
      config: counting,
      rule: visitorRule(counting, selectRule(counting, { country: "GB" })),
    });
    const [global, scoped] = defaults();
    expect(global?.[2]).toMatchObject({ analytics_storage: "denied" });
    expect(scoped?.[2]).toMatchObject({
      analytics_storage: "granted",
      ad_storage: "denied",
      region: ["GB"],
    });
  });

  it("under a US opt-out rule runs everything, shows no banner, and offers Your Privacy Choices", async () => {
    const api = start(bootFor("US", "CA"));
    expect(api.has("meta-pixel")).toBe(true);
    await vi.waitFor(() =>
      expect(buttons).toEqual([expect.objectContaining({ label: "Your Privacy Choices" })]),
    );
    expect(opened).toEqual([]);
    expect(defaults()[1]?.[2]).toMatchObject({
      ad_storage: "granted",
      region: expect.arrayContaining(["US-CA"]),
    });
    await api.optOut();
    expect(api.has("meta-pixel")).toBe(false);
    expect(api.has("visit-counter")).toBe(true);
    const receipt = await sent(0);
    expect(receipt.method).toBe("opt-out");
    expect(receiptMismatch(receipt, ruled)).toBeNull();
  });

  it("keeps a US visitor's opt-out after a policy change, which asks nothing under an opt-out rule", async () => {
    await start(bootFor("US", "CA")).optOut();
    window.dataLayer = [];
    const bumped = { ...ruled, policyVersion: `${ruled.policyVersion}-2` };
    const api = start({
      ...boot,
      config: bumped,
      rule: visitorRule(bumped, selectRule(bumped, { country: "US", subdivision: "CA" })),
    });
    expect(api.get()).toBeNull();
    expect(api.has("meta-pixel")).toBe(false);
    expect(api.has("marketing")).toBe(false);
    expect(api.has("visit-counter")).toBe(true);
    // Google's tags are told so too, not the rule's default that grants advertising.
    expect(consentState("US-CA")).toMatchObject({
      ad_storage: "denied",
      analytics_storage: "granted",
    });
  });

  it("keeps a UK visitor's objection when a policy change asks them again", async () => {
    // Counting visits only (no Google Analytics held back): the UK default grants analytics_storage.
    const counting = {
      ...ruled,
      services: ruled.services.filter((s) => s.id !== "google-analytics"),
    };
    const uk = (config: SiteConfig) => ({
      ...boot,
      config,
      rule: visitorRule(config, selectRule(config, { country: "GB" })),
    });
    await start(uk(counting)).object();
    window.dataLayer = [];
    const bumped = { ...counting, policyVersion: `${ruled.policyVersion}-2` };
    const api = start(uk(bumped));
    expect(api.get()).toBeNull();
    expect(api.has("visit-counter")).toBe(false);
    expect(consentState("GB")).toMatchObject({ analytics_storage: "denied" });
    // A visitor who only refused consent keeps the exemption running when asked again.
    clearCookies();
    localStorage.clear();
    await start(bootFor("GB")).rejectAll();
    const asked = start({
      ...boot,
      config: bumped,
      rule: visitorRule(bumped, selectRule(bumped, { country: "GB" })),
    });
    expect(asked.has("visit-counter")).toBe(true);
  });

  it("under a US opt-out rule offers Your Privacy Choices on a page whose own link is Cookie settings", async () => {
    document.body.innerHTML = `<a href="#" data-assent-open>Cookie settings</a>`;
    const { requested } = startWithImports(bootFor("US", "CA"));
    await vi.waitFor(() =>
      expect(requested).toEqual(["https://consent.example.org/sdk/floating-button-test.js"]),
    );
    // Its own Your Privacy Choices link stands in for it: the module is not even fetched.
    document.body.innerHTML = `<a href="#" data-assent-open="privacy-choices">Your Privacy Choices</a>`;
    laidOut();
    const own = startWithImports(bootFor("US", "CA"));
    // Looked for after the page's next frame: given time, it is still not fetched.
    await new Promise((r) => setTimeout(r, 20));
    expect(own.requested).toEqual([]);
  });

  it("under a US opt-out rule applies GPC before any tag, and logs it as the visitor's opt-out", async () => {
    (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl = true;
    const api = start(bootFor("US", "CA"));
    expect(api.has("meta-pixel")).toBe(false);
    expect(api.has("marketing")).toBe(false);
    expect(api.has("visit-counter")).toBe(true);
    expect(defaults()[1]?.[2]).toMatchObject({ ad_storage: "denied" });
    const receipt = await sent(0);
    expect(receipt).toMatchObject({ method: "gpc", gpc: true });
    expect(receipt.decision.categories.marketing).toBe(false);
    expect(api.get()?.categories.marketing).toBe(false);
  });

  it("under a US opt-out rule lets GPC prevail over an earlier Accept all that sells or shares", async () => {
    await start(bootFor("US", "CA")).acceptAll();
    expect((await sent(0)).decision.categories.marketing).toBe(true);
    (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl = true;
    const api = start(bootFor("US", "CA"));
    expect(api.has("meta-pixel")).toBe(false);
    expect(api.has("marketing")).toBe(false);
    expect(api.has("visit-counter")).toBe(true);
    const receipt = await sent(1);
    expect(receipt).toMatchObject({ method: "gpc", gpc: true });
    expect(receipt.decision.categories.marketing).toBe(false);
    expect(receiptMismatch(receipt, ruled)).toBeNull();
    // Its own choice under GPC stands: the visitor turned marketing on themselves.
    await api.set({ categories: { marketing: true } });
    expect(start(bootFor("US", "CA")).has("marketing")).toBe(true);
  });

  it("under a US opt-out rule lets GPC prevail over a custom setting made before the signal", async () => {
    await start(bootFor("US", "CA")).set({ categories: { marketing: true } });
    expect((await sent(0)).decision.categories.marketing).toBe(true);
    (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl = true;
    const api = start(bootFor("US", "CA"));
    expect(api.has("marketing")).toBe(false);
    expect(await sent(1)).toMatchObject({ method: "gpc", gpc: true });
    // The same setting made with the signal on is the visitor's own, and it stands.
    await api.set({ categories: { marketing: true } });
    expect(start(bootFor("US", "CA")).has("marketing")).toBe(true);
  });

  it("takes the Sec-GPC header the server saw as the signal too", () => {
    const api = start({ ...bootFor("US", "CA"), gpc: true });
    expect(api.has("meta-pixel")).toBe(false);
  });

  it("takes GPC as a refusal, logged and not asked, where the site's rule counts it as one", async () => {
    (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl = true;
    const refusing: SiteConfig = {
      ...ruled,
      jurisdictions: {
        rules: [{ id: "eu-eea", regions: ["EEA"], model: "opt-in", gpc: "refuse-all" }],
        otherwise: "eu-eea",
      },
    };
    const api = start({
      ...boot,
      config: refusing,
      rule: visitorRule(refusing, selectRule(refusing, { country: "FR" })),
    });
    await decisionRead();
    expect(opened).toEqual([]);
    expect(api.get()?.categories.statistics).toBe(false);
    const receipt = await sent(0);
    expect(receipt).toMatchObject({ method: "gpc", gpc: true });
    expect(receiptMismatch(receipt, refusing)).toBeNull();
  });

  it("asks an EU visitor before anything runs", async () => {
    const api = start(bootFor("FR"));
    expect(api.has("visit-counter")).toBe(false);
    await tick();
    expect(opened).toEqual(["banner"]);
  });
});
