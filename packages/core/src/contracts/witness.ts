import * as v from "valibot";
import { displayName } from "../admin";

const vkeyPattern = /^[^+\s]+\+[0-9a-f]{8}\+[A-Za-z0-9+/=]+$/;
const vkey = v.pipe(v.string(), v.maxLength(300), v.regex(vkeyPattern, "must be a verifier key"));

/** A log this server witnesses: its origin and the note verifier key of its checkpoints. */
export const WitnessedLogCreateSchema = v.object({
  /** The log's origin line, e.g. `consent.a.example/v1/sites/demo/log`. */
  origin: v.pipe(v.string(), v.minLength(1), v.maxLength(300), v.regex(/^\S+$/, "one word")),
  /** The log's note verifier key, as its `GET .../log/vkey` gives it. */
  vkey,
});

/** A log this server witnesses, and the latest checkpoint it cosigned. */
export const WitnessedLogSchema = v.object({
  id: v.number(),
  origin: v.string(),
  vkey: v.string(),
  /** Size of the latest checkpoint cosigned (0 before the first). */
  size: v.number(),
  /** Its root hash, base64 (null before the first). */
  root: v.nullable(v.string()),
  updatedAt: v.string(),
});

/** `GET /v1/admin/sites/:site/witnessed-logs`: the logs the site's owners asked this server to witness, and its witness key. */
export const WitnessedLogsList = {
  response: v.object({ witnessVkey: v.string(), logs: v.array(WitnessedLogSchema) }),
};

/** `POST /v1/admin/sites/:site/witnessed-logs`: witness one more log. */
export const WitnessedLogsCreate = {
  request: WitnessedLogCreateSchema,
  response: WitnessedLogSchema,
};

/** A witness a site's log submits its checkpoints to. */
export const WitnessCreateSchema = v.object({
  /** A label for people. */
  name: displayName(100),
  /**
   * The witness's submission prefix (`add-checkpoint` is POSTed under it). The API takes only
   * `https:` on a host name or public address, without credentials, query or fragment (`http:`
   * and private addresses where its operator allows them): `400 WITNESS_URL_NOT_ALLOWED`.
   */
  url: v.pipe(
    v.string(),
    v.maxLength(500),
    v.url(),
    v.regex(/^https?:\/\//, "must be an http(s) URL"),
  ),
  /** The witness's cosignature verifier key (type 0x04). */
  vkey,
});

/** A site's witness and where it stands. */
export const WitnessSchema = v.object({
  id: v.number(),
  name: v.string(),
  url: v.string(),
  vkey: v.string(),
  /** The size it last cosigned. */
  size: v.number(),
  lastSuccessAt: v.nullable(v.string()),
  /** The last failure (status 0: not reached), until the next success. */
  lastError: v.nullable(v.object({ status: v.number(), code: v.string(), message: v.string() })),
});

/** `GET /v1/admin/sites/:site/witnesses`: the witnesses of the site's log. */
export const WitnessesList = { response: v.object({ witnesses: v.array(WitnessSchema) }) };

/** `POST /v1/admin/sites/:site/witnesses`: submit the site's checkpoints to one more witness. */
export const WitnessesCreate = { request: WitnessCreateSchema, response: WitnessSchema };

/** A log this server witnesses (see {@link WitnessedLogSchema}). */
export type WitnessedLog = v.InferOutput<typeof WitnessedLogSchema>;
/** A site's witness (see {@link WitnessSchema}). */
export type Witness = v.InferOutput<typeof WitnessSchema>;
