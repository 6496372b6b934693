import { SITE_KEY_PATTERN } from "@assent/core";
import * as v from "valibot";

/** `:site` in a path. */
export const siteKeyParam = v.pipe(v.string(), v.regex(SITE_KEY_PATTERN, "must be a site key"));

/** Path parameters of routes under `/v1/admin/sites/:site`. */
export const SiteParams = v.object({ site: siteKeyParam });

/** A positive integer id in a path. */
export const idParam = v.pipe(
  v.string(),
  v.regex(/^[1-9]\d{0,14}$/, "must be a positive integer"),
  v.transform(Number),
  v.metadata({ openapi: { type: "integer", minimum: 1 } }),
);
