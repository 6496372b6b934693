import type { SQL } from "drizzle-orm";
import type { Context, Hono } from "hono";
import * as v from "valibot";
import { type AuditInsert, type AuditRecord, auditInsert, runAuditInsert } from "../audit";
import { authenticate, type Principal, requireCsrf } from "../auth";
import type { AppDeps } from "../deps";
import { ApiError, badRequest } from "../errors";
import { bodyText, parseJsonBody } from "../limits";
import type { RouteInput, RouteSpec, Schema } from "../openapi";
import { type SiteAccess, siteForPrincipal } from "./site-access";

/** What an admin handler gets: the validated input, the caller, and a way to audit. */
export interface AdminCall<S extends RouteSpec> {
  c: Context;
  input: RouteInput<S>;
  principal: Principal;
  now: number;
  /** Records an action of this caller (on `site` unless `siteId` says otherwise). */
  audit(entry: CallerAudit): Promise<number>;
  /**
   * The insert of this caller's audit entry, not run yet, for the `db.batch([...])` of the
   * change it records: both commit, or neither (see `auditInsert`, and its `when`).
   */
  auditEntry(entry: CallerAudit, when?: SQL): AuditInsert;
}

/** An audit entry as a handler gives it: when, who and from where are the call's. */
export type CallerAudit = Omit<AuditRecord, "at" | "userId" | "tokenId" | "ip">;

/** A handler of a site-scoped route also gets the site and the caller's role there. */
export type SiteCall<S extends RouteSpec> = AdminCall<S> & { site: SiteAccess };

function problem(issues: v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  if (!issue) return "invalid";
  const path = issue.path?.map((p) => String(p.key)).join(".");
  return path ? `${path}: ${issue.message}` : issue.message;
}

function check<T extends Schema | undefined>(
  schema: T,
  value: unknown,
  code: "INVALID_PARAMS" | "INVALID_QUERY" | "INVALID_BODY",
) {
  if (!schema) return undefined;
  const result = v.safeParse(schema, value);
  if (!result.success) throw badRequest(code, problem(result.issues));
  return result.output;
}

/** The body as JSON; its size was checked before it was read (`BODY_LIMITS.admin`, app.ts). */
async function readBody(c: Context, optional = false): Promise<unknown> {
  const text = await bodyText(c);
  return optional && !text.trim() ? {} : parseJsonBody(text);
}

async function prepare<S extends RouteSpec>(c: Context, deps: AppDeps, spec: S) {
  const principal = await authenticate(c, deps);
  if (spec.access.kind !== "public" && spec.access.sessionOnly && principal.kind !== "session") {
    throw new ApiError("SESSION_REQUIRED", "API tokens cannot do this; sign in instead");
  }
  requireCsrf(c, principal);
  const params = check(spec.params, c.req.param(), "INVALID_PARAMS");
  const query = check(spec.query, c.req.query(), "INVALID_QUERY");
  const now = (deps.now ?? Date.now)();
  const { ip } = deps.client(c);
  const auditEntry = (entry: CallerAudit, when?: SQL) =>
    auditInsert(
      deps.db,
      {
        ...entry,
        at: now,
        userId: principal.user.id,
        tokenId: principal.kind === "token" ? principal.tokenId : null,
        ip,
      },
      when,
    );
  const call: AdminCall<S> = {
    c,
    principal,
    now,
    input: { params, query, body: undefined } as RouteInput<S>,
    auditEntry,
    audit: (entry) => runAuditInsert(auditEntry(entry)),
  };
  return call;
}

async function withBody<S extends RouteSpec>(c: Context, spec: S, call: AdminCall<S>) {
  if (spec.body) {
    (call.input as { body: unknown }).body = check(
      spec.body,
      await readBody(c, spec.optionalBody),
      "INVALID_BODY",
    );
  }
}

/** Mounts a route that needs a caller but no particular site. */
export function accountRoute<S extends RouteSpec>(
  app: Hono,
  deps: AppDeps,
  spec: S,
  handler: (call: AdminCall<S>) => Promise<Response> | Response,
): void {
  app.on(spec.method, spec.path, async (c) => {
    const call = await prepare(c, deps, spec);
    await withBody(c, spec, call);
    return handler(call);
  });
}

/**
 * Mounts a site-scoped route: the caller must hold `spec.access.role` on the site named by the
 * `:site` path parameter or the `?site=` query parameter. Order: who (401), the request's shape
 * (400), the site and role (404/403), then the body (400).
 */
export function siteRoute<S extends RouteSpec & { access: { kind: "site" } }>(
  app: Hono,
  deps: AppDeps,
  spec: S,
  handler: (call: SiteCall<S>) => Promise<Response> | Response,
): void {
  app.on(spec.method, spec.path, async (c) => {
    const call = await prepare(c, deps, spec);
    const { params, query } = call.input as {
      params?: { site?: string };
      query?: { site?: string };
    };
    const key = params?.site ?? query?.site;
    if (!key) throw new ApiError("SITE_REQUIRED", "Say which site with ?site=KEY");
    const site = await siteForPrincipal(deps.db, call.principal, key, spec.access.role);
    await withBody(c, spec, call);
    const audit: AdminCall<S>["audit"] = (entry) => call.audit({ siteId: site.id, ...entry });
    const auditEntry: AdminCall<S>["auditEntry"] = (entry, when) =>
      call.auditEntry({ siteId: site.id, ...entry }, when);
    return handler({ ...call, audit, auditEntry, site });
  });
}
