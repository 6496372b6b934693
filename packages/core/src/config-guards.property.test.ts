import fc from "fast-check";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { CATALOGUE, CONSENT_MODE_KEYS } from "./catalogue";
import { NECESSARY } from "./categories";
import { consentModeState, DEFAULT_CONSENT_MODE_CATEGORIES } from "./consent-mode";
import { allowsElement, decide, isAllowed, rejectAll } from "./decision";
import { SiteConfigSchema } from "./site-config";

const EXTRA = ["preferences", "analytics", "marketing", "advertising", "embeds", "stats"];
const OWN = ["session", "basket", "chat", "stats-tag", "heatmap"];

/** A category list: necessary somewhere, some others, any of them perhaps `required`. */
const categories = fc
  .uniqueArray(fc.constantFrom(...EXTRA), { maxLength: EXTRA.length })
  .chain((ids) =>
    fc.tuple(
      fc.shuffledSubarray([NECESSARY, ...ids], { minLength: ids.length + 1 }),
      fc.array(mostly(fc.constant(undefined), fc.boolean()), {
        minLength: ids.length + 1,
        maxLength: ids.length + 1,
      }),
    ),
  )
  .map(([ids, required]) =>
    ids.map((id, i) => (required[i] === undefined ? { id } : { id, required: required[i] })),
  );

/** Mostly `usual`, sometimes `rare`: enough configs pass the guards, enough are refused. */
const mostly = <T>(usual: fc.Arbitrary<T>, rare: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: usual, weight: 9 }, { arbitrary: rare, weight: 1 });

const cookie = fc.record({
  name: mostly(
    fc.constantFrom("sid", "csrf-*", "lang"),
    fc.constantFrom("_ga", "_fbp", "_hj*", "*", "_clck"),
  ),
  days: mostly(fc.constantFrom(0, 1, 30, 395, 730), fc.constant(100_000)),
});

/** A service: a catalogue one or a site's own, in any category, with anything it may declare. */
const service = (categoryIds: string[]) =>
  fc.record(
    {
      id: fc.constantFrom(...CATALOGUE.map((s) => s.id), ...OWN),
      category: fc.constantFrom(...categoryIds),
      hosts: mostly<string[]>(fc.constant([]), fc.constant(["widget.chat.example"])),
      cookies: fc.array(cookie, { maxLength: 2 }),
      storage: fc.array(fc.constantFrom("basket", "_hjSession", "yt-player"), { maxLength: 1 }),
      consentModeKeys: mostly<string[]>(
        fc.constant([]),
        fc.subarray([...CONSENT_MODE_KEYS], { maxLength: 2 }),
      ),
    },
    { requiredKeys: ["id", "category"] },
  );

const mapping = (categoryIds: string[]) =>
  fc.dictionary(
    fc.constantFrom(...categoryIds),
    mostly<string[]>(
      fc.subarray([...CONSENT_MODE_KEYS], { maxLength: 3 }),
      fc.constant(["security_storage"]),
    ),
    { maxKeys: 3 },
  );

/** Random configurations, of which a good share pass the schema and its hard guards. */
const configs = categories.chain((cats) => {
  const ids = cats.map((c) => c.id);
  return fc.record(
    {
      siteKey: fc.constant("demo"),
      policyVersion: fc.constant("1"),
      privacyPolicyUrl: fc.constantFrom("/privacy", "https://example.org/privacy"),
      categories: fc.constant(cats),
      services: fc.uniqueArray(service(ids), { maxLength: 6, selector: (s) => s.id }),
      consentMode: fc.record(
        {
          mode: fc.constantFrom("basic", "advanced"),
          categories: mapping(ids),
          regions: fc.constantFrom(["US-CA"], ["GB", "FR"]),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ["siteKey", "policyVersion", "privacyPolicyUrl", "categories", "services"] },
  );
});

describe("hard guards (properties)", () => {
  it("a config that passes the schema grants no Consent Mode key and runs no non-necessary service before a choice or after Reject all", () => {
    let accepted = 0;
    fc.assert(
      fc.property(configs, (input) => {
        const result = v.safeParse(SiteConfigSchema, input);
        if (!result.success) return;
        accepted++;
        const config = result.output;
        const map = config.consentMode?.categories ?? DEFAULT_CONSENT_MODE_CATEGORIES;
        const rejected = rejectAll(config);
        for (const decision of [null, rejected]) {
          const state = consentModeState(decision, map);
          expect(Object.values(state).every((s) => s === "denied")).toBe(true);
        }
        for (const s of config.services) {
          const runs = [
            allowsElement(null, s.category, s.id),
            allowsElement(rejected, s.category, s.id),
            allowsElement(rejected, null, s.id),
            rejected.services[s.id],
          ];
          if (s.category !== NECESSARY) {
            expect(runs, s.id).toEqual([false, false, false, false]);
            continue;
          }
          // What runs without asking is the site's own, first-party, and no tracker.
          expect(CATALOGUE.map((e) => e.id)).not.toContain(s.id);
          expect(s.hosts ?? []).toEqual([]);
          expect(s.consentModeKeys ?? []).toEqual([]);
        }
        for (const c of config.categories) {
          if (c.id === NECESSARY) continue;
          expect(isAllowed(null, c.id) || isAllowed(rejected, c.id), c.id).toBe(false);
          expect(rejected.categories[c.id]).toBe(false);
        }
        // A custom choice of nothing is a refusal too.
        expect(decide(config, { categories: {} })).toEqual(rejected);
      }),
      { numRuns: 600 },
    );
    // The property is about configs the schema accepts: enough of them must have been tried.
    expect(accepted).toBeGreaterThan(100);
  });
});
