import { describe, expect, it } from "vitest";
import { startWorker } from "./worker-on-workerd";

describe("the Worker's first requests", () => {
  it("answers many at once on a fresh D1: one boot, each migration applied once", async () => {
    const w = await startWorker();
    try {
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => w.fetch("/v1/sites/demo/config")),
      );
      expect(answers.map((res) => res.status)).toEqual(Array(20).fill(200));
      const { results } = await w.d1
        .prepare("SELECT tag, count(*) AS n FROM __assent_migrations GROUP BY tag HAVING n > 1")
        .all();
      expect(results).toEqual([]);
    } finally {
      await w.close();
    }
  }, 120_000);
});
