import type { Witness } from "@assent/core";
import { type D1Like, openD1 } from "@assent/db/d1";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../app";
import { QueryMeter } from "../../limits";
import { fixedOrigin } from "../../network";
import { seed } from "../../seed";
import {
  type AdminClient,
  type HttpTarget,
  postReceipts,
  receiptFor,
  signIn,
  siteConfig,
} from "../../test-support/http-client";
import { createTestApp } from "../../test-support/test-app";
import { integrate } from "../../transparency";
import { submitToWitnesses } from "../../witness";
import { meteredD1 } from "./d1-budget";

/**
 * The Worker submits its sites' checkpoints to their witnesses on the minute's Cron Trigger,
 * within what the event has left of D1's queries. A Worker cannot reach a witness a test runs (it
 * refuses private addresses), so the log side runs here from Node on workerd's D1, the witness on
 * a libSQL app, and the submission counted twice: by the Worker's meter (`meteredD1`) and by an
 * independent count of the statements D1 received.
 */
const LOG_ORIGIN = "https://consent.a.example";
const WITNESS_ORIGIN = "https://consent.b.example";
const SITES = 8;
/** One submission fits (49 queries at most, beside the open and the witnesses' list), not two. */
const LIMIT = 60;

describe("witness submissions within a minute's D1 queries", () => {
  let mf: Miniflare;
  let raw: D1Like;
  /** Statements D1 received, counted apart from the Worker's meter. */
  let received = 0;
  let log: HttpTarget;
  let owner: AdminClient;
  let witness: Awaited<ReturnType<typeof createTestApp>>;

  beforeAll(async () => {
    mf = new Miniflare({
      modules: true,
      script: "export default { fetch: () => new Response(null, { status: 404 }) }",
      compatibilityDate: "2026-04-15",
      d1Databases: { DB: "witnesses" },
    });
    const d1 = (await mf.getD1Database("DB")) as unknown as D1Like;
    raw = {
      prepare: (sql) => {
        const stmt = d1.prepare(sql) as ReturnType<D1Like["prepare"]> & Record<string, unknown>;
        const count = (s: Record<string, unknown>): typeof stmt =>
          new Proxy(s, {
            get(target, prop) {
              const value = Reflect.get(target, prop);
              if (typeof value !== "function") return value;
              if (prop === "bind") return (...a: unknown[]) => count(value.apply(target, a));
              if (["all", "raw", "run", "first"].includes(String(prop))) received++;
              return value.bind(target);
            },
          }) as typeof stmt;
        return count(stmt);
      },
      batch: (statements) => {
        received += statements.length;
        return d1.batch(statements);
      },
    };
    const { db } = await openD1(raw);
    await seed(db, {
      origin: LOG_ORIGIN,
      ownerEmail: "owner@example.org",
      ownerPassword: "correct horse battery staple",
      now: Date.now(),
    });
    const app = createApp({
      db,
      sdk: { loaderSource: "/* loader */", uiPath: "/sdk/ui-test.js" },
      client: () => ({ ip: null, country: null }),
      origin: fixedOrigin(LOG_ORIGIN),
      rateLimits: false,
    });
    log = {
      origin: LOG_ORIGIN,
      fetch: async (path, init) => app.request(`${LOG_ORIGIN}${path}`, init),
    };
    owner = await signIn(log, {
      email: "owner@example.org",
      password: "correct horse battery staple",
    });
    witness = await createTestApp({ publicOrigin: WITNESS_ORIGIN });
    const b = await witness.admin();
    const witnessVkey = (await (await witness.app.request("/v1/witness/vkey")).text()).trim();
    for (let i = 1; i <= SITES; i++) {
      const key = `site-${i}`;
      await owner.json("POST", "/v1/admin/sites", { key, name: key });
      const vkey = (await (await log.fetch(`/v1/sites/${key}/log/vkey`)).text()).trim();
      const added = await b.request("POST", "/v1/admin/sites/demo/witnessed-logs", {
        origin: vkey.split("+")[0],
        vkey,
      });
      expect(added.status).toBe(201);
      await owner.json("POST", `/v1/admin/sites/${key}/witnesses`, {
        name: "B",
        url: `${WITNESS_ORIGIN}/v1/witness`,
        vkey: witnessVkey,
      });
      await postReceipts(log, [receiptFor(key, await siteConfig(log, key))]);
    }
    await integrate(db, { publicOrigin: () => LOG_ORIGIN });
  }, 120_000);
  afterAll(async () => {
    await witness?.close();
    await mf?.dispose();
  });

  /** One minute's submissions, as the Worker runs them: on a metered database of `LIMIT` queries. */
  async function minute(at: number) {
    const before = received;
    const meter = new QueryMeter(LIMIT);
    const { db } = await openD1(meteredD1(raw, meter));
    const reports = await submitToWitnesses(db, {
      now: () => at,
      meter,
      fetch: async (url, init) => witness.app.request(url, init),
      log: () => {},
    });
    return { reports, statements: received - before, metered: meter.used };
  }

  const cosigned = async () => {
    let n = 0;
    for (let i = 1; i <= SITES; i++) {
      const { witnesses } = await owner.json<{ witnesses: Witness[] }>(
        "GET",
        `/v1/admin/sites/site-${i}/witnesses`,
      );
      // Its log holds its config and its receipt: the witness cosigned the tree of 2.
      if (witnesses[0]?.size === 2) n++;
    }
    return n;
  };

  it("submits to as many witnesses as the queries left allow, the longest untried first, until all have cosigned", async () => {
    expect(await cosigned()).toBe(0);
    const seen = new Set<number>();
    let minutes = 0;
    while (seen.size < SITES && minutes < 2 * SITES) {
      minutes++;
      const { reports, statements, metered } = await minute(Date.now() + minutes * 60_000);
      expect(statements).toBeLessThanOrEqual(LIMIT);
      expect(metered).toBe(statements);
      expect(reports).toHaveLength(1);
      expect(reports[0]?.outcome).toBe("cosigned");
      seen.add(reports[0]?.siteId ?? 0);
    }
    expect(minutes).toBe(SITES);
    expect(await cosigned()).toBe(SITES);
    // Nothing left to submit: a minute only checks, within the budget.
    const idle = await minute(Date.now() + 100 * 60_000);
    expect(idle.reports).toEqual([]);
    expect(idle.statements).toBeLessThanOrEqual(LIMIT);
  }, 120_000);
});
