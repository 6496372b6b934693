import { afterAll, beforeAll, describe, expect } from "vitest";
import { complianceContract } from "./admin-contract-compliance";
import { configContract } from "./admin-contract-config";
import { recordsContract } from "./admin-contract-records";
import { retentionContract } from "./admin-contract-retention";
import { sessionContract } from "./admin-contract-session";
import { type AdminClient, type HttpTarget, signIn, siteConfig } from "./http-client";

/** A running build of the API the admin contract is checked on, reached over HTTP only. */
export interface AdminContractTarget extends HttpTarget {
  /** The owner account the target was seeded with (owner of the `demo` site). */
  owner: { email: string; password: string };
  /**
   * Runs the retention purge as the runtime's own scheduler would, as of `at` (ms): the Node
   * entry's `schedulePurge` job, the Worker's Cron Trigger.
   */
  purge(at: number): Promise<void>;
  /**
   * Whether a request carrying `CF-IPCountry`/`CF-Region-Code` is placed there: on Workers the
   * platform sets `request.cf`; the Node entry trusts no proxy unless told, so it places nobody.
   */
  placesVisitors: boolean;
  close(): Promise<void>;
}

/** What each part of the contract gets: the target, the owner signed in, a way to add sites. */
export interface AdminContractContext {
  target: AdminContractTarget;
  owner: AdminClient;
  /** Creates a site through `POST /v1/admin/sites`; returns its published config. */
  addSite(key: string): Promise<Awaited<ReturnType<typeof siteConfig>>>;
}

/** Asserts an error answer: its status, and exactly `{ error: { code, message } }`. */
export async function expectError(res: Response, status: number, code: string): Promise<void> {
  expect(res.status).toBe(status);
  expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(Object.keys(body)).toEqual(["error"]);
  expect(Object.keys(body.error).sort()).toEqual(["code", "message"]);
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(5);
}

/**
 * The admin API's contract, run against every runtime as `receiptContract` is: sign-in and the
 * session cookie, CSRF, config publishing and the loader, the receipts query, exports, subject
 * erasure and retention. Set-up goes through the public doors only (HTTP), never SQL.
 */
export function adminContract(name: string, start: () => Promise<AdminContractTarget>): void {
  describe(`admin contract: ${name}`, () => {
    const ctx = {} as AdminContractContext;
    beforeAll(async () => {
      ctx.target = await start();
      ctx.owner = await signIn(ctx.target, ctx.target.owner);
      ctx.addSite = async (key) => {
        await ctx.owner.json("POST", "/v1/admin/sites", { key, name: `Site ${key}` });
        return siteConfig(ctx.target, key);
      };
    }, 60_000);
    afterAll(async () => ctx.target?.close());

    sessionContract(ctx);
    configContract(ctx);
    complianceContract(ctx);
    recordsContract(ctx);
    retentionContract(ctx);
  });
}
