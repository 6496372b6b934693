import { SITE_KEY_PATTERN } from "@assent/core";
import * as v from "valibot";

const siteKey = v.pipe(v.string(), v.regex(SITE_KEY_PATTERN, "must be a site key"));

/** `:site` in a path. */
export const siteParams = v.object({ site: siteKey });

/** `:site` and a positive integer `:id` in a path. */
export const siteItemParams = v.object({
  site: siteKey,
  id: v.pipe(
    v.string(),
    v.regex(/^[1-9]\d{0,14}$/, "must be a positive integer"),
    v.transform(Number),
    v.metadata({ openapi: { type: "integer", minimum: 1 } }),
  ),
});
