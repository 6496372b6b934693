import { auditLog, siteMembers } from "@assent/db";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { overTheNetwork } from "../test-support/over-the-network";
import { createTestApp } from "../test-support/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

type Change = "demote" | "remove";

/** Two owners of the demo site, each signed in to the dashboard. */
async function twoOwners() {
  const first = await t.admin();
  const firstId = (await (await first.get("/v1/admin/session")).json()).user.id as number;
  const added = await t.addUser("second@example.org", "owner");
  const second = await t.admin(added);
  return { first: { client: first, id: firstId }, second: { client: second, id: added.id } };
}

/** What an owner's dashboard sends to demote or remove another member. */
function change(client: Awaited<ReturnType<typeof t.admin>>, kind: Change, userId: number) {
  const path = `/v1/admin/sites/demo/members/${userId}`;
  return kind === "demote"
    ? client.request("PATCH", path, { role: "admin" })
    : client.request("DELETE", path);
}

const owners = () =>
  t.db
    .select({ userId: siteMembers.userId })
    .from(siteMembers)
    .where(eq(siteMembers.role, "owner"));

describe("two owners changing each other at the same moment", () => {
  const pairs: Array<[Change, Change]> = [
    ["demote", "demote"],
    ["remove", "remove"],
    ["demote", "remove"],
  ];
  it.each(pairs)("one wins (%s against %s), the site keeps an owner", async (a, b) => {
    const { first, second } = await twoOwners();
    overTheNetwork(t.client);
    const answers = await Promise.all([
      change(first.client, a, second.id),
      change(second.client, b, first.id),
    ]);
    const statuses = answers.map((r) => r.status);
    expect(await owners(), `answers ${statuses}`).toHaveLength(1);
    expect(
      statuses.filter((s) => s < 300),
      `answers ${statuses}`,
    ).toHaveLength(1);
    // The other is refused: as the last owner, or (when it was checked after the first change
    // committed) as no longer an owner, or, once removed, as no member at all.
    const refused = answers.find((r) => r.status >= 300);
    const code = (await refused?.json())?.error.code;
    expect([
      [409, "LAST_OWNER"],
      [403, "FORBIDDEN"],
      [404, "SITE_NOT_FOUND"],
      [404, "MEMBER_NOT_FOUND"],
    ]).toContainEqual([refused?.status, code]);
    // Only the change that was made is in the audit log, with the role the member had.
    const entries = await t.db.select().from(auditLog);
    const changes = entries.filter(
      (e) => e.action === "member.role" || e.action === "member.remove",
    );
    expect(changes).toHaveLength(1);
    const made =
      changes[0]?.action === "member.role" ? { from: "owner", to: "admin" } : { role: "owner" };
    expect(JSON.parse(changes[0]?.detail ?? "null")).toEqual(made);
  });
});
