import { Hono } from "hono";
import type { AppDeps } from "../deps";
import { openApiDocument } from "./openapi-document";

/** `GET /v1/openapi.json`: the OpenAPI 3.1 document, built from the declared routes. */
export function openApiRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get("/v1/openapi.json", (c) => {
    c.header("Cache-Control", "no-cache");
    return c.json(openApiDocument(deps.origin.of(c)));
  });
  return app;
}
