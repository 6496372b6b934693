import { ReceiptsCreate, ReceiptsGet, UUID_V7 } from "@assent/core";
import * as v from "valibot";
import { defineRoute } from "../openapi";

// The public receipt routes, described with the contracts they validate and answer with; their
// handlers are `receipts.routes.ts` and `receipt-read.routes.ts` beside this file.

export const receiptCreateRoute = defineRoute({
  method: "POST",
  path: "/v1/receipts",
  summary:
    "Store a consent receipt (idempotent by its id); 201 once committed, 200 for a retry of a stored id; 429 RATE_LIMITED or 503 DATABASE_BUSY with Retry-After. `previousId` is kept only when it names a receipt of the same site and subject (not erased), stored and signed as `null` otherwise",
  tag: "receipts",
  access: { kind: "public" },
  body: ReceiptsCreate.request,
  response: { status: 201, description: "The stored receipt", schema: ReceiptsCreate.response },
  alsoAnswers: [
    {
      status: 200,
      description: "A retry of a stored receipt: the stored one",
      schema: ReceiptsCreate.response,
    },
  ],
  errors: [
    "INVALID_RECEIPT",
    "ORIGIN_NOT_ALLOWED",
    "SITE_NOT_FOUND",
    "RECEIPT_ID_CONFLICT",
    "UNKNOWN_CONFIG",
    "RECEIPT_CONFIG_MISMATCH",
    "RATE_LIMITED",
  ],
});

export const receiptReadRoute = defineRoute({
  method: "GET",
  path: "/v1/receipts/:id",
  summary:
    "A visitor reads back a receipt of theirs, sending their subject id in X-Assent-Subject (401 SUBJECT_REQUIRED without it)",
  tag: "receipts",
  access: { kind: "public" },
  params: v.object({ id: v.pipe(v.string(), v.regex(UUID_V7)) }),
  response: { status: 200, description: "The stored receipt", schema: ReceiptsGet.response },
  errors: ["SUBJECT_REQUIRED", "RECEIPT_NOT_FOUND"],
});
