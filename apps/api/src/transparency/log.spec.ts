import {
  LogCheckpointGet,
  LogTileGet,
  LogVkeyGet,
  ReceiptsProof,
  SITE_KEY_PATTERN,
  UUID_V7,
} from "@assent/core";
import * as v from "valibot";
import { defineRoute } from "../openapi";

// The transparency log's routes, described with their contracts; the handlers are
// `log.routes.ts` and `receipt-proof.routes.ts` beside this file.

const siteKey = v.object({ key: v.pipe(v.string(), v.regex(SITE_KEY_PATTERN)) });

export const logCheckpointRoute = defineRoute({
  method: "GET",
  path: "/v1/sites/:key/log/checkpoint",
  summary:
    "The site log's latest checkpoint (C2SP tlog-checkpoint), signed as a C2SP signed-note by the key at `vkey`",
  tag: "log",
  access: { kind: "public" },
  params: siteKey,
  response: {
    status: 200,
    description: "The signed note: origin, tree size, base64 root hash, then signature lines",
    contentType: "text/plain",
    schema: LogCheckpointGet.response,
  },
  errors: ["SITE_NOT_FOUND"],
});

export const logVkeyRoute = defineRoute({
  method: "GET",
  path: "/v1/sites/:key/log/vkey",
  summary: "The note verifier key of the site log's checkpoints (`name+keyhash+base64 key`)",
  tag: "log",
  access: { kind: "public" },
  params: siteKey,
  response: {
    status: 200,
    description: "The verifier key, one line",
    contentType: "text/plain",
    schema: LogVkeyGet.response,
  },
  errors: ["SITE_NOT_FOUND"],
});

export const logTileRoute = defineRoute({
  method: "GET",
  path: "/v1/sites/:key/log/tile/*",
  summary:
    "A tile of the site's log (C2SP tlog-tiles): `tile/<L>/<N>[.p/<W>]` (hashes) or `tile/entries/<N>[.p/<W>]` (entry bundles); full tiles are immutable; 400 INVALID_TILE_PATH for a path that is not canonical, 404 TILE_NOT_FOUND beyond the latest checkpoint",
  tag: "log",
  access: { kind: "public" },
  params: siteKey,
  response: {
    status: 200,
    description: "The tile's bytes",
    contentType: "application/octet-stream",
    schema: LogTileGet.response,
  },
  errors: ["SITE_NOT_FOUND", "INVALID_TILE_PATH", "TILE_NOT_FOUND"],
});

export const receiptProofRoute = defineRoute({
  method: "GET",
  path: "/v1/receipts/:id/proof",
  summary:
    "Where a receipt is in its site's log, with its inclusion proof against the latest checkpoint: to its subject (X-Assent-Subject) or the site's admins; 409 NOT_YET_LOGGED with Retry-After before it is integrated",
  tag: "log",
  access: { kind: "public" },
  params: v.object({ id: v.pipe(v.string(), v.regex(UUID_V7)) }),
  response: { status: 200, description: "The inclusion proof", schema: ReceiptsProof.response },
  errors: ["SUBJECT_REQUIRED", "RECEIPT_NOT_FOUND", "NOT_YET_LOGGED"],
});
