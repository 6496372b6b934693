/**
 * Turns the valibot schemas the routes validate with into JSON Schema (draft 2020-12, as OpenAPI
 * 3.1 uses), so the published document is derived from the very objects that check requests.
 * Covers the schema kinds the API uses; anything else becomes `{}` (accepts anything) rather than
 * a wrong claim.
 */

/** A JSON Schema object. */
export type JsonSchema = { [key: string]: unknown };

interface Node {
  kind?: string;
  type: string;
  pipe?: Node[];
  entries?: Record<string, Node>;
  item?: Node;
  options?: unknown[];
  wrapped?: Node;
  default?: unknown;
  key?: Node;
  value?: Node;
  literal?: unknown;
  requirement?: unknown;
  metadata?: Record<string, unknown>;
  description?: string;
}

const OPTIONAL = new Set(["optional", "exact_optional", "undefinedable", "nullish"]);

function defaultOf(node: Node): unknown {
  return typeof node.default === "function" ? undefined : node.default;
}

function applyAction(out: JsonSchema, action: Node): void {
  const req = action.requirement;
  switch (action.type) {
    case "regex":
      out.pattern = (req as RegExp).source;
      break;
    case "email":
      out.format = "email";
      break;
    case "min_length":
      out[out.type === "array" ? "minItems" : "minLength"] = req;
      break;
    case "max_length":
      out[out.type === "array" ? "maxItems" : "maxLength"] = req;
      break;
    case "min_value":
      out.minimum = req;
      break;
    case "max_value":
      out.maximum = req;
      break;
    case "integer":
      out.type = "integer";
      break;
    case "description":
      out.description = action.description;
      break;
  }
}

function convert(node: Node): JsonSchema {
  const out: JsonSchema = {};
  switch (node.type) {
    case "string":
    case "number":
    case "boolean":
    case "null":
      out.type = node.type;
      break;
    case "picklist":
      out.enum = [...(node.options ?? [])];
      break;
    case "literal":
      out.const = node.literal;
      break;
    case "array":
      out.type = "array";
      out.items = node.item ? convert(node.item) : {};
      break;
    case "record":
      out.type = "object";
      out.additionalProperties = node.value ? convert(node.value) : {};
      if (node.key) out.propertyNames = convert(node.key);
      break;
    case "object":
    case "strict_object":
    case "loose_object": {
      out.type = "object";
      const properties: Record<string, JsonSchema> = {};
      const required: string[] = [];
      for (const [name, child] of Object.entries(node.entries ?? {})) {
        properties[name] = toJsonSchema(child);
        if (!OPTIONAL.has(child.type)) required.push(name);
      }
      out.properties = properties;
      if (required.length > 0) out.required = required;
      if (node.type === "strict_object") out.additionalProperties = false;
      break;
    }
    case "nullable":
    case "nullish":
      return { anyOf: [node.wrapped ? toJsonSchema(node.wrapped) : {}, { type: "null" }] };
    case "optional":
    case "exact_optional":
    case "undefinedable": {
      const inner = node.wrapped ? toJsonSchema(node.wrapped) : {};
      const fallback = defaultOf(node);
      return fallback === undefined ? inner : { ...inner, default: fallback };
    }
    case "union":
      out.anyOf = (node.options as Node[]).map(toJsonSchema);
      break;
  }
  for (const action of node.pipe?.slice(1) ?? []) {
    // After a transformation the checks are on the transformed value, not on what is sent.
    if (action.kind === "transformation") break;
    if (action.kind === "metadata") continue;
    applyAction(out, action);
  }
  return out;
}

/** JSON Schema for a valibot schema. `v.metadata({ openapi: {...} })` in a pipe overrides it. */
export function toJsonSchema(schema: unknown): JsonSchema {
  const node = schema as Node;
  const override = node.pipe?.find((a) => a.type === "metadata")?.metadata?.openapi;
  const converted = convert(node);
  return override ? { ...converted, ...(override as JsonSchema) } : converted;
}
