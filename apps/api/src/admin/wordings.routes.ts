import { WORDING_PATTERN, WordingsGet } from "@assent/core";
import { Hono } from "hono";
import * as v from "valibot";
import type { AppDeps } from "../deps";
import { notFound } from "../errors";
import { defineRoute } from "../openapi";
import { readWording } from "../sdk-archive";
import { siteRoute } from "./admin-route";
import { siteKeyParam } from "./site-params";

export const wordingRoute = defineRoute({
  method: "GET",
  path: "/v1/admin/sites/:site/wordings/:hash",
  summary:
    "The SDK's standard wording a receipt names (its `wording`): every built-in text of the banner, the preference centre and the rules, per language, as that SDK build showed them under the site's own texts. Recorded by each instance at start, kept while any receipt names it",
  tag: "records",
  access: { kind: "site", role: "viewer" },
  params: v.object({
    site: siteKeyParam,
    hash: v.pipe(
      v.string(),
      v.regex(WORDING_PATTERN, "must be the 8-character hash a receipt's wording names"),
    ),
  }),
  response: {
    status: 200,
    description: "The wording's texts per language",
    schema: WordingsGet.response,
  },
  errors: ["WORDING_NOT_FOUND"],
});

/** `GET /v1/admin/sites/:site/wordings/:hash`: what a receipt's standard wording said. */
export function wordingRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  siteRoute(app, deps, wordingRoute, async ({ c, input }) => {
    const { hash } = input.params;
    const wording = await readWording(deps.db, hash);
    if (!wording) throw notFound("WORDING_NOT_FOUND", `No standard wording "${hash}" on record`);
    return c.json(wording);
  });
  return app;
}
