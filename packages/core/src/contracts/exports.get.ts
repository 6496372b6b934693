import * as v from "valibot";
import { ExportQuerySchema } from "../admin-query";

/** `GET /v1/admin/exports`: receipts streamed as CSV, NDJSON or one JSON document. */
export const ExportsGet = {
  query: ExportQuerySchema,
  response: v.pipe(v.string(), v.description("CSV, NDJSON or JSON, as `format` asks")),
};
