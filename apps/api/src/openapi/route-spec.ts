import type { Role } from "@assent/core";
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

/** One route: the single description both the router and the OpenAPI document are built from. */
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
  response: { status: number; description: string; contentType?: string };
}

type Out<T> = T extends Schema ? v.InferOutput<T> : undefined;

/** The validated input of a route. */
export interface RouteInput<S extends RouteSpec> {
  params: Out<S["params"]>;
  query: Out<S["query"]>;
  body: Out<S["body"]>;
}

const registry = new Map<string, RouteSpec>();

/** Declares a route and registers it for the OpenAPI document. */
export function defineRoute<const S extends RouteSpec>(spec: S): S {
  registry.set(`${spec.method} ${spec.path}`, spec);
  return spec;
}

/** Every declared route, in declaration order. */
export function declaredRoutes(): RouteSpec[] {
  return [...registry.values()];
}
