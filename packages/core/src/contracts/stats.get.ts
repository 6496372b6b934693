import * as v from "valibot";
import { StatsQuerySchema } from "../admin-query";
import { CONSENT_METHODS } from "../decision";
import { StatsBucketSchema } from "./shapes";

/** Receipts per method over a set (`MethodCounts`). */
const MethodCountsSchema = v.object({
  total: v.number(),
  methods: v.record(v.picklist(CONSENT_METHODS), v.number()),
});

/** `GET /v1/admin/stats`: totals, per policy version, per day, and by jurisdiction and rule. */
export const StatsGet = {
  query: StatsQuerySchema,
  response: v.object({
    site: v.string(),
    from: v.string(),
    to: v.string(),
    totals: StatsBucketSchema,
    byPolicyVersion: v.record(v.string(), StatsBucketSchema),
    byJurisdiction: v.optional(v.record(v.string(), MethodCountsSchema)),
    byRule: v.optional(v.record(v.string(), MethodCountsSchema)),
    days: v.array(
      v.object({
        ...StatsBucketSchema.entries,
        date: v.string(),
        byPolicyVersion: v.record(v.string(), StatsBucketSchema),
      }),
    ),
  }),
};
