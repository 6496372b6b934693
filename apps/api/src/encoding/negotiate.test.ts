import { describe, expect, it } from "vitest";
import { codedTag, identityTag, preferredCoding } from "./negotiate";

describe("preferredCoding", () => {
  it.each([
    // What browsers send: Brotli wherever it is offered.
    ["gzip, deflate, br, zstd", "br"],
    ["gzip, deflate, br", "br"],
    ["gzip, deflate", "gzip"],
    ["GZIP", "gzip"],
    ["br;q=0, gzip", "gzip"],
    ["gzip;q=1.0, br;q=0.5", "gzip"],
    ["br;q=0.5, gzip;q=0.5", "br"],
    ["*", "br"],
    ["*;q=0.5, br;q=0", "gzip"],
    ["identity", null],
    ["deflate, zstd", null],
    ["", null],
    [undefined, null],
    // A malformed weight is not taken as a yes.
    ["br;q=2, gzip;q=abc", null],
    ["br;q=0.0001", null],
    [" , ;q=1, br ; q=0.8 ", "br"],
  ])("answers %j with %s", (header, coding) => {
    expect(preferredCoding(header)).toBe(coding);
  });

  it("offers only what it is given", () => {
    expect(preferredCoding("br, gzip", ["gzip"])).toBe("gzip");
    expect(preferredCoding("br", ["gzip"])).toBeNull();
  });
});

describe("entity tags of coded representations", () => {
  it("gives each coding its own strong tag, and finds the identity tag behind any of them", () => {
    expect(codedTag('"abc"', "br")).toBe('"abc-br"');
    expect(codedTag('"abc"', "gzip")).toBe('"abc-gzip"');
    expect(identityTag(' "abc-br"')).toBe('"abc"');
    expect(identityTag('W/"abc-gzip"')).toBe('"abc"');
    expect(identityTag('"abc"')).toBe('"abc"');
    // Only a coding Assent makes is taken off.
    expect(identityTag('"abc-zstd"')).toBe('"abc-zstd"');
  });
});
