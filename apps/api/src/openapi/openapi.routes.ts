import { HealthGet, OpenApiGet } from "@assent/core";
import { Hono } from "hono";
import type { AppDeps } from "../deps";
import { openApiDocument } from "./openapi-document";
import { defineRoute, type RouteSpec } from "./route-spec";

export const openApiRoute = defineRoute({
  method: "GET",
  path: "/v1/openapi.json",
  summary: "This document",
  tag: "meta",
  access: { kind: "public" },
  response: { status: 200, description: "OpenAPI 3.1", schema: OpenApiGet.response },
});

/** Served by `createApp` itself (`app.ts`), documented here with the other meta route. */
export const healthRoute = defineRoute({
  method: "GET",
  path: "/healthz",
  summary: "Whether the server is up",
  tag: "meta",
  access: { kind: "public" },
  response: { status: 200, description: "`{ ok: true }`", schema: HealthGet.response },
});

/**
 * `GET /v1/openapi.json`: the OpenAPI 3.1 document of `routes` (the app's every route, as its
 * feature folders declare them) and of itself.
 */
export function openApiRoutes(deps: AppDeps, routes: readonly RouteSpec[]): Hono {
  const app = new Hono();
  const documented = [...routes, openApiRoute, healthRoute];
  app.get(openApiRoute.path, (c) => {
    c.header("Cache-Control", "no-cache");
    return c.json(openApiDocument(deps.origin.of(c), documented));
  });
  return app;
}
