import {
  ADVERTISING_CONSENT_MODE_KEYS,
  CATALOGUE,
  CONSENT_MODE_KEYS,
  GATED_CONSENT_MODE_KEYS,
  GPC_PURPOSES,
  gpcRefuses,
  type LoaderBoot,
  NECESSARY,
  PURPOSES,
  parseSiteConfig,
  READS_CONSENT_MODE,
  type SiteConfig,
  workedOutForLoader,
} from "@assent/core";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { UiHost, UiModule } from "../contract";
import { start } from "./controller";
import { activateScripts, cat, ran, svc } from "./gate-scripts";

/**
 * The real loader on a page, for random configurations the schema accepts: before any choice and
 * after "Reject all", no gated script of a non-necessary service or category runs, no Consent
 * Mode key is granted and the Meta pixel is never told "grant". The one thing that may run
 * before consent is what advanced Consent Mode means: Google's own tags (`READS_CONSENT_MODE`),
 * which then see every key denied.
 */

const EXTRA = ["preferences", "analytics", "marketing", "advertising", "embeds"];
const OWN = ["session", "chat", "heatmap"];

const mostly = <T>(usual: fc.Arbitrary<T>, rare: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: usual, weight: 9 }, { arbitrary: rare, weight: 1 });

const configs = fc
  .uniqueArray(fc.constantFrom(...EXTRA), { maxLength: EXTRA.length })
  .chain((extra) => {
    const ids = [NECESSARY, ...extra];
    return fc.record({
      siteKey: fc.constant("demo"),
      policyVersion: fc.constant("1"),
      privacyPolicyUrl: fc.constant("/privacy"),
      categories: fc.tuple(
        ...ids.map((id) =>
          fc.record(
            {
              id: fc.constant(id),
              required: mostly(fc.constant(undefined), fc.boolean()),
              purposes: fc.subarray([...PURPOSES]),
            },
            { requiredKeys: ["id"] },
          ),
        ),
      ),
      services: fc.uniqueArray(
        fc.record(
          {
            id: fc.constantFrom(...CATALOGUE.map((s) => s.id), ...OWN),
            category: fc.constantFrom(...ids),
            hosts: mostly<string[]>(fc.constant([]), fc.constant(["widget.chat.example"])),
            consentModeKeys: mostly<string[]>(fc.constant([]), fc.subarray([...CONSENT_MODE_KEYS])),
            purposes: fc.subarray([...PURPOSES]),
          },
          { requiredKeys: ["id", "category"] },
        ),
        { maxLength: 6, selector: (s) => s.id },
      ),
      consentMode: fc.record({
        mode: fc.constantFrom("basic", "advanced"),
        regions: fc.constantFrom(["US-CA"], ["GB"]),
        categories: fc.dictionary(
          fc.constantFrom(...ids),
          fc.subarray([...CONSENT_MODE_KEYS], { maxLength: 3 }),
          { maxKeys: 3 },
        ),
      }),
    });
  });

/**
 * The configurations the schema accepts, and only those: each run is one the guards must hold
 * for (the schema's refusals are its own tests'). fast-check draws again when the schema refuses.
 */
const accepted = configs
  .map((input) => parseSiteConfig(input))
  .filter((parsed) => parsed.ok)
  .map((parsed) => (parsed as Extract<typeof parsed, { ok: true }>).value);

/** Every gated script the site could hold: one per listed service, one per category. */
function page(config: SiteConfig): string {
  const gated = (attrs: string) => `<script type="text/plain" ${attrs}></script>`;
  return [
    ...config.services.map((s) => gated(`data-category="${s.category}" data-service="${s.id}"`)),
    ...config.categories.map((c) => gated(`data-category="${c.id}"`)),
    gated(`data-category="marketing" data-service="meta-pixel"`),
  ].join("");
}

/** The Consent Mode keys some `consent` command granted. */
const grantedKeys = () =>
  (window.dataLayer ?? []).flatMap((entry) => {
    const command = entry as IArguments;
    if (command[0] !== "consent") return [];
    const state = command[2] as Record<string, unknown>;
    return GATED_CONSENT_MODE_KEYS.filter((key) => state[key] === "granted");
  });

const fakeOutbox = { flush: async () => {} };

/** The loader started on a fresh page holding every gated script the site could hold. */
async function onPage(config: SiteConfig) {
  for (const part of document.cookie.split(";")) {
    const name = part.split("=")[0]?.trim();
    if (name) document.cookie = `${name}=; Max-Age=0; Path=/`;
  }
  localStorage.clear();
  window.dataLayer = [];
  const pixel: string[] = [];
  window.fbq = ((...args: unknown[]) => void pixel.push(String(args[1]))) as never;
  // The previous run's loader may still have an activation queued: it would walk this run's page
  // with that run's decision. Queued calls run in order, so waiting for one drains them.
  await activateScripts(() => false);
  document.body.innerHTML = page(config);
  // A catalogue service is a third party that needs consent, whatever its category says.
  const thirdParty = new Set(CATALOGUE.map((s) => s.id));
  const necessary = new Set([
    NECESSARY,
    ...config.services
      .filter((s) => s.category === NECESSARY && !thirdParty.has(s.id))
      .map((s) => s.id),
  ]);
  const advanced = config.consentMode?.mode === "advanced";
  const from = ran.length;
  // The banner: what the loader hands to the UI chunk, whose buttons call `host.choose`.
  let banner: UiHost | undefined;
  const fakeUi: UiModule = {
    mount: (host) => {
      banner = host;
      return { open: async () => {}, close: () => {} };
    },
  };
  const boot: LoaderBoot = {
    config,
    configHash: "a".repeat(64),
    api: "https://consent.example.org",
    ui: "https://consent.example.org/sdk/ui-test.js",
    ...workedOutForLoader(config),
  };
  const api = start(boot, {
    importUi: async (url) => {
      if (url.endsWith("/choice-test.js")) return import("./choice");
      return (url.endsWith("/outbox-test.js") ? fakeOutbox : fakeUi) as UiModule;
    },
  });
  await activateScripts(() => false);
  const ranSince = () => ran.slice(from).map((el) => (svc(el) ?? cat(el)) as string);
  await vi.waitFor(() => expect(banner, "the banner is shown before any choice").toBeDefined());
  return {
    api,
    banner: banner as UiHost,
    pixel,
    necessary,
    ranSince,
    /** What may run without consent: necessary, and in advanced mode Google's own tags. */
    mayRun: (id: string) => necessary.has(id) || (advanced && READS_CONSENT_MODE.includes(id)),
  };
}

/** The last Consent Mode state pushed (`consent update`, else the global default). */
const lastState = () => {
  const commands = (window.dataLayer ?? []) as IArguments[];
  const last = commands.filter((c) => c[0] === "consent" && !("region" in c[2])).pop();
  return (last?.[2] ?? {}) as Record<string, unknown>;
};

beforeEach(() => {
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response("{}", { status: 201 })),
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
  delete window.fbq;
  delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
});

describe("the loader under the hard guards (properties)", () => {
  it("runs nothing non-necessary and grants no Consent Mode key before a choice or after Reject all", async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(accepted, async (config) => {
        runs++;
        const { api, banner, pixel, necessary, ranSince, mayRun } = await onPage(config);
        expect(
          ranSince().filter((id) => !mayRun(id)),
          "before a choice",
        ).toEqual([]);
        // Every visitor, in any region, gets the global denied default first.
        const first = window.dataLayer?.[0] as IArguments;
        expect([first[0], first[1], "region" in first[2]]).toEqual(["consent", "default", false]);
        expect(grantedKeys(), "before a choice").toEqual([]);

        banner.choose("reject-all");
        await activateScripts(() => false);
        expect(
          ranSince().filter((id) => !mayRun(id)),
          "after Reject all",
        ).toEqual([]);
        expect(grantedKeys()).toEqual([]);
        expect(pixel).not.toContain("grant");
        for (const s of config.services)
          if (!necessary.has(s.id)) expect(api.has(s.id), s.id).toBe(false);
      }),
      { numRuns: 150 },
    );
    expect(runs).toBeGreaterThanOrEqual(150);
  }, 60_000);

  it("under Global Privacy Control, Accept all runs nothing that advertises or sells and grants no advertising key", async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(accepted, async (config) => {
        runs++;
        (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl = true;
        const { api, banner, ranSince, mayRun } = await onPage(config);
        expect(banner.gpc).toBe(true);
        banner.choose("accept-all");
        await activateScripts(() => false);

        const sells = (purposes?: readonly string[]) =>
          !!purposes?.some((p) => (GPC_PURPOSES as readonly string[]).includes(p));
        const refused = new Set([
          ...config.categories.filter((c) => gpcRefuses(config, c)).map((c) => c.id),
          ...config.services
            .filter((s) => s.category !== NECESSARY && sells(s.purposes))
            .map((s) => s.id),
        ]);
        for (const id of refused) expect(api.has(id), id).toBe(false);
        expect(ranSince().filter((id) => refused.has(id) && !mayRun(id))).toEqual([]);
        const state = lastState();
        for (const key of ADVERTISING_CONSENT_MODE_KEYS) expect(state[key], key).toBe("denied");
      }),
      { numRuns: 100 },
    );
    expect(runs).toBeGreaterThanOrEqual(100);
  }, 60_000);
});
