import * as v from "valibot";

/**
 * The SDK's standard wording a receipt names (`wording`): every built-in text of the banner, the
 * preference centre and the rules, per language the banner speaks, as one SDK build showed them.
 * A site's own texts (its configuration's `texts`) are not in it: `configHash` names those.
 */
export const StandardWordingSchema = v.object({
  /** The language set's hash, as receipts name it and the build's `lang/LL-HASH.js` carry it. */
  hash: v.string(),
  /** When an instance serving this build last recorded it (ISO 8601). */
  recordedAt: v.pipe(v.string(), v.isoTimestamp()),
  /** Per language (`en`, `de`, ...): each text by key (`rejectAll`, `category.analytics`, ...). */
  languages: v.record(v.string(), v.record(v.string(), v.string())),
});

/** The SDK's standard wording as the admin API answers it (`StandardWordingSchema`). */
export type StandardWording = v.InferOutput<typeof StandardWordingSchema>;

/** `GET /v1/admin/sites/:site/wordings/:hash`: the standard wording a receipt names. */
export const WordingsGet = { response: StandardWordingSchema };
