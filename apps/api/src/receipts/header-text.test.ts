import { describe, expect, it } from "vitest";
import { headerText } from "./header-text";

/** A string's UTF-8 bytes as Node hands a header over: one Latin-1 character per byte. */
const asNodeSees = (text: string) => String.fromCharCode(...new TextEncoder().encode(text));

describe("headerText", () => {
  it("reads a header's UTF-8 the same whichever way the runtime handed it over", () => {
    for (const ua of ["Browser/1 (café) 😀 ü", "plain ASCII/1.0"]) {
      expect(headerText(asNodeSees(ua), 512)).toBe(ua);
      expect(headerText(ua, 512)).toBe(ua);
    }
    // Latin-1 bytes that are not UTF-8 stay as they came.
    expect(headerText("caf\u00e9", 512)).toBe("caf\u00e9");
    expect(headerText(undefined, 512)).toBeNull();
  });

  it("cuts without splitting a character", () => {
    const ua = `${"A".repeat(511)}😀`;
    expect(headerText(ua, 512)).toBe("A".repeat(511));
    expect(headerText(asNodeSees(ua), 512)).toBe("A".repeat(511));
    expect(headerText(`${"A".repeat(510)}😀`, 512)).toBe(`${"A".repeat(510)}😀`);
    expect(headerText("A".repeat(600), 512)).toHaveLength(512);
  });
});
