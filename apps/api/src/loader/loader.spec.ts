import { LoaderGet, SITE_KEY_PATTERN, SiteConfigGet } from "@assent/core";
import * as v from "valibot";
import { defineRoute } from "../openapi";

// The loader's routes, described with their contracts; the handlers are `loader.routes.ts`.

const siteKey = v.pipe(v.string(), v.regex(SITE_KEY_PATTERN));

export const loaderRoute = defineRoute({
  method: "GET",
  path: "/s/:file",
  summary:
    "The loader with the site's published configuration inlined: `file` is `SITE_KEY.js` (add `?autoblock` for the auto-blocking script). With rules per region it also carries the rule chosen from the trusted location and is cached privately",
  tag: "loader",
  access: { kind: "public" },
  params: v.object({
    file: v.pipe(v.string(), v.regex(new RegExp(`${SITE_KEY_PATTERN.source.slice(0, -1)}\\.js$`))),
  }),
  response: {
    status: 200,
    description: "JavaScript",
    contentType: "text/javascript",
    schema: LoaderGet.response,
  },
  errors: ["NOT_FOUND", "SITE_NOT_FOUND", "CONFIG_NOT_PUBLISHED"],
});

export const siteConfigRoute = defineRoute({
  method: "GET",
  path: "/v1/sites/:key/config",
  summary: "A site's published configuration, with its content hash",
  tag: "loader",
  access: { kind: "public" },
  params: v.object({ key: siteKey }),
  response: { status: 200, description: "The configuration", schema: SiteConfigGet.response },
  errors: ["SITE_NOT_FOUND", "CONFIG_NOT_PUBLISHED"],
});
