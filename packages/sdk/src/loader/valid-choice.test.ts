import { defaultSiteConfig } from "@assent/core";
import { describe, expect, it } from "vitest";
import { assertChoice } from "./valid-choice";

const config = defaultSiteConfig("demo", [{ id: "hotjar", category: "analytics" }]);
const check = (choice: unknown) => () => assertChoice(config, choice);

describe("assertChoice: what set() takes", () => {
  it("takes this site's categories and services, each true or false, either left out", () => {
    expect(check({})).not.toThrow();
    expect(check({ categories: { analytics: true, marketing: false } })).not.toThrow();
    expect(check({ services: { hotjar: false } })).not.toThrow();
    expect(check({ categories: undefined, services: { hotjar: true } })).not.toThrow();
  });

  it("refuses what is not an object of choices, with a TypeError that shows it", () => {
    expect(check(undefined)).toThrow(
      new TypeError("[assent] set(): choice undefined: expected an object"),
    );
    expect(check(null)).toThrow(new TypeError("[assent] set(): choice null: expected an object"));
    expect(check(["analytics"])).toThrow(/\["analytics"\]: expected/);
    expect(check("analytics")).toThrow(TypeError);
    expect(check({ categories: "x" })).toThrow(
      new TypeError('[assent] set(): categories "x": expected an object'),
    );
    expect(check({ services: ["hotjar"] })).toThrow(TypeError);
  });

  it("refuses a value that is not true or false, naming it", () => {
    expect(check({ categories: { analytics: "true" } })).toThrow(
      new TypeError('[assent] set(): categories.analytics "true": expected true or false'),
    );
    expect(check({ services: { hotjar: 1 } })).toThrow(
      /services\.hotjar 1: expected true or false/,
    );
  });

  it("refuses a name this site does not have with a RangeError, naming it", () => {
    expect(check({ categories: { analytic: true } })).toThrow(
      new RangeError("[assent] set(): categories.analytic: expected one of this site's categories"),
    );
    expect(check({ services: { nope: true } })).toThrow(
      new RangeError("[assent] set(): services.nope: expected one of this site's services"),
    );
    // A service the catalogue knows but the site does not list is in no decision.
    expect(check({ services: { youtube: true } })).toThrow(RangeError);
    expect(check({ analytics: true })).toThrow(
      new RangeError("[assent] set(): analytics: expected categories or services"),
    );
    expect(check({ categories: { constructor: true } })).toThrow(RangeError);
  });
});
