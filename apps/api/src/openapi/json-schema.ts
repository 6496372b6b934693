import { toJsonSchema } from "@valibot/to-json-schema";
import type * as v from "valibot";

/** A JSON Schema object. */
export type JsonSchema = { [key: string]: unknown };

/**
 * A pipe that reads text and turns it into something else (a query parameter read as a number)
 * says what it documents as with `v.metadata({ openapi: {...} })`; the converter copies metadata
 * into the schema under `openapi`, and this lifts it over the converted keys.
 */
function liftOpenApi(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(liftOpenApi);
  if (typeof node !== "object" || node === null) return node;
  const { openapi, ...rest } = node as JsonSchema;
  const lifted = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, liftOpenApi(v)]));
  return typeof openapi === "object" && openapi !== null ? { ...lifted, ...openapi } : lifted;
}

/**
 * JSON Schema (draft 2020-12, as OpenAPI 3.1 uses) of what a client sends or receives, converted
 * by `@valibot/to-json-schema` from the very schemas that validate it. Checks JSON Schema cannot
 * express (`v.check`, `v.custom`, transformations) are left out rather than refused.
 */
export function jsonSchemaOf(schema: v.GenericSchema): JsonSchema {
  const { $schema: _, ...json } = toJsonSchema(schema, {
    target: "draft-2020-12",
    typeMode: "ignore",
    errorMode: "ignore",
  });
  return liftOpenApi(json) as JsonSchema;
}
