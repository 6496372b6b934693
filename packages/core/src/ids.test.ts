import { describe, expect, it } from "vitest";
import { newSubjectId, SUBJECT_ID, UUID_V7, uuidv7, uuidv7Time } from "./ids";

describe("uuidv7", () => {
  it("is a version-7 UUID carrying the time it was made", () => {
    const id = uuidv7(1_700_000_000_123);
    expect(id).toMatch(UUID_V7);
    expect(uuidv7Time(id)).toBe(1_700_000_000_123);
  });

  it("sorts by time and never repeats", () => {
    const a = uuidv7(1_000);
    const b = uuidv7(2_000);
    expect(a < b).toBe(true);
    const many = new Set(Array.from({ length: 1000 }, () => uuidv7()));
    expect(many.size).toBe(1000);
  });
});

describe("newSubjectId", () => {
  it("is 22 base64url characters and random", () => {
    const ids = Array.from({ length: 200 }, newSubjectId);
    for (const id of ids) expect(id).toMatch(SUBJECT_ID);
    expect(new Set(ids).size).toBe(200);
  });
});
