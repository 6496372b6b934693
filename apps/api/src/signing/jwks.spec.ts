import { JwksGet, SITE_KEY_PATTERN } from "@assent/core";
import * as v from "valibot";
import { defineRoute } from "../openapi";

/** `GET /v1/sites/:key/jwks`, served by `jwks.routes.ts` beside this file. */
export const jwksRoute = defineRoute({
  method: "GET",
  path: "/v1/sites/:key/jwks",
  summary: "The public keys (JWKS) a site's receipts are signed with",
  tag: "receipts",
  access: { kind: "public" },
  params: v.object({ key: v.pipe(v.string(), v.regex(SITE_KEY_PATTERN)) }),
  response: { status: 200, description: "JWKS", schema: JwksGet.response },
  errors: ["SITE_NOT_FOUND"],
});
