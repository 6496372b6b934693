import * as v from "valibot";
import type { StoredReceipt } from "../receipt";
import type { ReceiptJwks } from "../receipt-proof";
import { JwksGet } from "./jwks.get";
import { StoredReceiptSchema } from "./shapes";

const base64Hash = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9+/]{43}=$/, "must be a base64 SHA-256 hash"),
);

/** Where a receipt sits in its site's transparency log, and the proof of it. */
export const ReceiptLogProofSchema = v.object({
  /** The receipt's leaf index in the site's log. */
  index: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** The signed checkpoint (C2SP signed note) the proof is against; may carry cosignatures. */
  checkpoint: v.pipe(v.string(), v.description("C2SP tlog-checkpoint as a signed note")),
  /** The inclusion proof (RFC 9162 §2.1.3), base64 hashes, leaf to root. */
  inclusion: v.array(base64Hash),
  /** The log's note verifier key (`name+hash+base64`), as `GET /v1/sites/:key/log/vkey` gives. */
  vkey: v.pipe(v.string(), v.regex(/^[^+\s]+\+[0-9a-f]{8}\+[A-Za-z0-9+/=]+$/, "must be a vkey")),
  /** Verifier keys of witnesses whose cosignatures the checkpoint carries. */
  witnesses: v.optional(v.array(v.string())),
});

/** A receipt's place in its site's log (`ReceiptLogProofSchema`). */
export type ReceiptLogProof = v.InferOutput<typeof ReceiptLogProofSchema>;

/** `GET /v1/receipts/:id/proof`: the receipt's inclusion in its site's log. */
export const ReceiptsProof = { response: ReceiptLogProofSchema };

/**
 * A receipt file: what the preference centre downloads for a receipt of the visitor's, and
 * what `assent-verify` checks offline. Unknown receipt fields are kept
 * (not stripped), so a newer receipt still verifies.
 */
export const ReceiptFileSchema = v.object({
  receipt: v.looseObject(StoredReceiptSchema.entries),
  jwks: JwksGet.response,
  log: ReceiptLogProofSchema,
});

/** A receipt with everything needed to check it offline (`ReceiptFileSchema`). */
export interface ReceiptFile {
  receipt: StoredReceipt;
  jwks: ReceiptJwks;
  log: ReceiptLogProof;
}

/** `GET /v1/sites/:key/log/checkpoint`: the latest signed checkpoint, `text/plain`. */
export const LogCheckpointGet = {
  response: v.pipe(v.string(), v.description("C2SP tlog-checkpoint signed note, text/plain")),
};

/** `GET /v1/sites/:key/log/vkey`: the log's note verifier key, `text/plain`. */
export const LogVkeyGet = {
  response: v.pipe(v.string(), v.description("note verifier key name+hash+base64, text/plain")),
};

/** `GET /v1/sites/:key/log/tile/...`: a hash tile or entry bundle, `application/octet-stream`. */
export const LogTileGet = {
  response: v.pipe(v.string(), v.description("C2SP tlog-tiles tile or entry bundle (binary)")),
};
