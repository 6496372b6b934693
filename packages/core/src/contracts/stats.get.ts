import * as v from "valibot";
import { StatsQuerySchema } from "../admin-query";
import { StatsBucketSchema } from "./shapes";

/** `GET /v1/admin/stats`: totals, per policy version and per day. */
export const StatsGet = {
  query: StatsQuerySchema,
  response: v.object({
    site: v.string(),
    from: v.string(),
    to: v.string(),
    totals: StatsBucketSchema,
    byPolicyVersion: v.record(v.string(), StatsBucketSchema),
    days: v.array(
      v.object({
        ...StatsBucketSchema.entries,
        date: v.string(),
        byPolicyVersion: v.record(v.string(), StatsBucketSchema),
      }),
    ),
  }),
};
