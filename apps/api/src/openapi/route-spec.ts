import type { ApiErrorCode, Role } from "@assent/core";
import type * as v from "valibot";

/** Any valibot schema. */
export type Schema = v.GenericSchema<unknown, unknown>;

/** Who may call a route. */
export type Access =
  /** Anyone. */
  | { kind: "public" }
  /** A signed-in user (session cookie) or an API token, on no site in particular. */
  | { kind: "account"; sessionOnly?: boolean }
  /** At least `role` on the site named by `:site` or `?site=`; `sessionOnly` refuses API tokens. */
  | { kind: "site"; role: Role; sessionOnly?: boolean };

/** What a route answers when it succeeds. */
export interface RouteResponse {
  status: number;
  description: string;
  /** The body's schema, from core's contracts (none for 204). */
  schema?: Schema;
  /** `application/json` unless said. */
  contentType?: string;
}

/**
 * One route: the single description both the router and the OpenAPI document are built from,
 * declared beside its handler and exported from its feature folder's `routeSpecs`.
 */
export interface RouteSpec {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Hono-style path, e.g. `/v1/admin/sites/:site/members/:userId`. */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  params?: Schema;
  query?: Schema;
  body?: Schema;
  /** The body may be left out: an empty body is read as `{}` (and validated as such). */
  optionalBody?: boolean;
  response: RouteResponse;
  /** Other successes it answers (`200` for a retry of a stored receipt, `202` for a scheduled change). */
  alsoAnswers?: readonly RouteResponse[];
  /**
   * The error codes its handler answers with, beyond those every route of its kind may (a bad
   * parameter or body, signing in, the site's access, a busy database): the document lists each
   * status with its codes.
   */
  errors?: readonly ApiErrorCode[];
}

type Out<T> = T extends Schema ? v.InferOutput<T> : undefined;

/** The validated input of a route. */
export interface RouteInput<S extends RouteSpec> {
  params: Out<S["params"]>;
  query: Out<S["query"]>;
  body: Out<S["body"]>;
}

/** Declares a route, typed: no registration, the feature folder lists its specs. */
export function defineRoute<const S extends RouteSpec>(spec: S): S {
  return spec;
}

/** The route specs among a module's exports (each feature folder's `routeSpecs`). */
export function routeSpecsIn(...modules: object[]): RouteSpec[] {
  return modules.flatMap((m) => Object.values(m).filter(isRouteSpec));
}

function isRouteSpec(value: unknown): value is RouteSpec {
  return (
    typeof value === "object" &&
    value !== null &&
    "method" in value &&
    "path" in value &&
    "access" in value &&
    "response" in value
  );
}
