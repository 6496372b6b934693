import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./admin";
import { PasswordChangeSchema } from "./admin-account";

const problems = (input: unknown) =>
  v.safeParse(PasswordChangeSchema, input).issues?.map((i) => `${v.getDotPath(i)}: ${i.message}`);

describe("PasswordChangeSchema", () => {
  it("takes any current password and a new one held to the rules for choosing one", () => {
    expect(
      problems({ currentPassword: "short", newPassword: "a long new password" }),
    ).toBeUndefined();
    expect(
      problems({ currentPassword: "x", newPassword: "y".repeat(PASSWORD_MIN_LENGTH) }),
    ).toBeUndefined();
  });

  it("refuses a new password too short or too long, the current one again, and extra fields", () => {
    const current = "the current password";
    expect(
      problems({ currentPassword: current, newPassword: "y".repeat(PASSWORD_MIN_LENGTH - 1) }),
    ).toEqual([`newPassword: must be at least ${PASSWORD_MIN_LENGTH} characters`]);
    expect(
      problems({ currentPassword: current, newPassword: "y".repeat(PASSWORD_MAX_LENGTH + 1) })?.[0],
    ).toMatch(/^newPassword:/);
    expect(problems({ currentPassword: current, newPassword: current })).toEqual([
      "newPassword: must differ from the current password",
    ]);
    expect(problems({ currentPassword: "", newPassword: "a long new password" })?.[0]).toMatch(
      /^currentPassword:/,
    );
    expect(
      problems({ currentPassword: current, newPassword: "a long new password", admin: true }),
    ).toHaveLength(1);
  });
});
