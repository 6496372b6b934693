import { describe, expect, it } from "vitest";
import {
  checkTargets,
  formatTable,
  formatTargets,
  median,
  type Results,
  type Summary,
  summarise,
  type VisitSample,
} from "./report";

const sample = (over: Partial<VisitSample> = {}): VisitSample => ({
  bytes: 10_000,
  bytesToBanner: 10_000,
  wireToBanner: 9000,
  bannerMs: 1000,
  scriptMs: 300,
  longestTaskMs: 40,
  longestPageTaskMs: 60,
  cls: 0,
  ...over,
});

const summary = (over: Partial<Summary> = {}): Summary => ({
  ...summarise([sample()], 100),
  ...over,
});

/** Assent meeting every target against peers that are all heavier and slower. */
const winning = (): Results => ({
  assent: {
    first: summary({
      bytesToBanner: 7000,
      bannerMs: 800,
      scriptAboveNoneMs: 50,
      cls: 0,
      longestTaskMs: 30,
    }),
    returning: summary({ bytes: 3400, scriptAboveNoneMs: 10 }),
  },
  vanilla: {
    first: summary({ scriptAboveNoneMs: 200 }),
    returning: summary({ scriptAboveNoneMs: 200 }),
  },
  peers: [
    { name: "light", first: summary({ bytesToBanner: 8100, bannerMs: 900 }) },
    { name: "heavy", first: summary({ bytesToBanner: 69_000, bannerMs: 2000 }) },
  ],
});

describe("median", () => {
  it("takes the middle value, or the mean of the middle two", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe("summarise", () => {
  it("subtracts the page without a manager's script time", () => {
    const s = summarise(
      [sample({ scriptMs: 300 }), sample({ scriptMs: 500 }), sample({ scriptMs: 400 })],
      150,
    );
    expect(s.scriptMs).toBe(400);
    expect(s.scriptAboveNoneMs).toBe(250);
    expect(s.visits).toBe(3);
  });

  it("gives no banner time when one visit never showed the banner", () => {
    expect(summarise([sample(), sample({ bannerMs: null })], 0).bannerMs).toBeNull();
  });
});

describe("checkTargets", () => {
  it("meets every target when Assent is lighter and faster than the peers", () => {
    const results = checkTargets(winning());
    expect(results).toHaveLength(8);
    expect(results.filter((r) => !r.met)).toEqual([]);
  });

  it("misses each target on its own figure", () => {
    const cases: Array<[string, (r: Results) => void]> = [
      [
        "loader with config ≤ 3.5 KB",
        (r) => {
          r.assent.returning.bytes = 3501;
        },
      ],
      [
        "returning visit: script time ≤ 25%",
        (r) => {
          r.assent.returning.scriptAboveNoneMs = 51;
        },
      ],
      [
        "≤ 8 KB gzip",
        (r) => {
          r.assent.first.bytesToBanner = 8001;
        },
      ],
      [
        "fewer bytes",
        (r) => {
          (r.peers[0] as { first: Summary }).first.bytesToBanner = 7000;
        },
      ],
      [
        "banner visible before",
        (r) => {
          (r.peers[1] as { first: Summary }).first.bannerMs = 800;
        },
      ],
      [
        "first visit: script time ≤ 60%",
        (r) => {
          r.assent.first.scriptAboveNoneMs = 121;
        },
      ],
      [
        "zero layout shift",
        (r) => {
          r.assent.first.cls = 0.001;
        },
      ],
      [
        "no task over 50 ms",
        (r) => {
          r.assent.first.longestTaskMs = 51;
        },
      ],
    ];
    for (const [target, spoil] of cases) {
      const results = winning();
      spoil(results);
      const missed = checkTargets(results).filter((r) => !r.met);
      expect(missed.map((m) => m.target)).toEqual([expect.stringContaining(target)]);
    }
  });

  it("misses the banner target when Assent's banner never showed", () => {
    const results = winning();
    results.assent.first.bannerMs = null;
    const missed = checkTargets(results).filter((r) => !r.met);
    expect(missed.map((m) => m.measured)).toEqual([expect.stringMatching(/^never vs /)]);
  });
});

describe("formatTable and formatTargets", () => {
  it("shows each peer's figures beside their ratio to Assent's, none on Assent's and the baseline's rows", () => {
    const assent = summary({
      bytes: 5000,
      bytesToBanner: 5000,
      wireToBanner: 4000,
      bannerMs: 1000,
      scriptAboveNoneMs: 100,
    });
    const peer = summary({
      bytes: 15_500,
      bytesToBanner: 15_500,
      wireToBanner: 16_000,
      bannerMs: 1500,
      scriptAboveNoneMs: 300,
    });
    const table = formatTable(
      "first",
      [
        { name: "none", summary: summary({ bytes: 0 }), baseline: true },
        { name: "Assent", summary: assent },
        { name: "peer", summary: peer },
      ],
      assent,
    );
    const [, , , none, mine, theirs] = table.split("\n");
    expect(theirs).toContain("15.5 KB (3.10×)");
    // Over the wire: as the server coded it.
    expect(theirs).toContain("16.0 KB (4.00×)");
    expect(theirs).toContain("1500 ms (1.50×)");
    expect(theirs).toContain("300 ms (3.00×)");
    expect(mine).not.toContain("×");
    expect(none).not.toContain("×");
  });

  it("titles the long page's table and shows its banner columns, which a returning visit has not", () => {
    const assent = summary({ bytesToBanner: 7000, bannerMs: 1200 });
    const peer = summary({ bytesToBanner: 8600, bannerMs: 2400 });
    const rows = [
      { name: "Assent", summary: assent },
      { name: "peer", summary: peer },
    ];
    const [title, , , , theirs] = formatTable("long", rows, assent).split("\n");
    expect(title).toMatch(/^first visit of a long page \(4,000 articles\)/);
    expect(theirs).toContain("2400 ms (2.00×)");
    expect(formatTable("returning", rows, assent).split("\n")[4]).not.toContain("2400 ms");
  });

  it("marks each target met or MISSED", () => {
    const text = formatTargets([
      { target: "a", measured: "1", met: true },
      { target: "b", measured: "2", met: false },
    ]);
    expect(text.split("\n")).toEqual(["met     a: 1", "MISSED  b: 2"]);
  });
});
