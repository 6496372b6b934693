import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyMigrations } from "./migrate";
import { migrations } from "./migrations.gen";

describe("migrations", () => {
  it("bundle every committed drizzle-kit migration (run `pnpm generate` if this fails)", () => {
    const folder = new URL("../drizzle/", import.meta.url);
    const files = readdirSync(folder).filter((f) => f.endsWith(".sql"));
    expect(migrations.map((m) => `${m.tag}.sql`)).toEqual(files.sort());
    for (const m of migrations) {
      const text = readFileSync(new URL(`${m.tag}.sql`, folder), "utf8");
      for (const statement of m.statements) expect(text).toContain(statement);
    }
  });

  it("apply once, then nothing on the next start", async () => {
    const executed: string[][] = [];
    const applied = new Set<string>();
    const executor = {
      query: async () => [...applied].map((t) => [t]),
      batch: async (statements: string[]) => {
        executed.push(statements);
        for (const s of statements) {
          const tag = /VALUES \('([^']+)'/.exec(s)?.[1];
          if (tag) applied.add(tag);
        }
      },
    };
    expect(await applyMigrations(executor)).toEqual(migrations.map((m) => m.tag));
    const batches = executed.length;
    expect(await applyMigrations(executor)).toEqual([]);
    expect(executed.length).toBe(batches + 1); // only the CREATE TABLE IF NOT EXISTS
  });
});
