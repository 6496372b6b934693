import { ReceiptInputSchema, SITE_KEY_PATTERN } from "@assent/core";
import * as v from "valibot";
import { defineRoute } from "./route-spec";

// The public routes, described with the schemas they validate with. Their handlers live in
// `receipts/` and `loader/`; the OpenAPI test checks every path here is really mounted.

defineRoute({
  method: "POST",
  path: "/v1/receipts",
  summary:
    "Store a consent receipt (idempotent by its id); 201 once committed, 200 for a retry of a stored id; 429 RATE_LIMITED or 503 DATABASE_BUSY with Retry-After",
  tag: "receipts",
  access: { kind: "public" },
  body: ReceiptInputSchema,
  response: { status: 201, description: "The stored receipt" },
});

defineRoute({
  method: "GET",
  path: "/s/:siteKey.js",
  summary: "The loader with the site's published configuration inlined",
  tag: "loader",
  access: { kind: "public" },
  params: v.object({ siteKey: v.pipe(v.string(), v.regex(SITE_KEY_PATTERN)) }),
  response: { status: 200, description: "JavaScript", contentType: "text/javascript" },
});

defineRoute({
  method: "GET",
  path: "/v1/openapi.json",
  summary: "This document",
  tag: "meta",
  access: { kind: "public" },
  response: { status: 200, description: "OpenAPI 3.1" },
});

defineRoute({
  method: "GET",
  path: "/v1/sites/:key/config",
  summary: "A site's published configuration, with its content hash",
  tag: "loader",
  access: { kind: "public" },
  params: v.object({ key: v.pipe(v.string(), v.regex(SITE_KEY_PATTERN)) }),
  response: { status: 200, description: "The configuration" },
});
