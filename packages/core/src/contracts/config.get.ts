import * as v from "valibot";
import { ConfigVersionSchema, PublishedConfigSchema } from "./shapes";

/** `GET /v1/admin/sites/:site/config` (and saving a draft): the published version, the draft and the linter's findings. */
export const ConfigGet = {
  response: v.object({
    published: v.nullable(ConfigVersionSchema),
    draft: v.nullable(
      v.object({
        config: PublishedConfigSchema,
        updatedAt: v.string(),
        updatedBy: v.nullable(v.string()),
      }),
    ),
    findings: v.optional(
      v.array(
        v.object({
          severity: v.string(),
          rule: v.string(),
          field: v.string(),
          why: v.string(),
          guidance: v.string(),
        }),
      ),
    ),
  }),
};

/** Saving a draft answers with the configuration state. */
export const ConfigDraftSave = ConfigGet;
