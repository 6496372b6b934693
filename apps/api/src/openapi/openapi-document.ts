import { API_ERRORS, ErrorBodySchema } from "@assent/core";
import { jsonSchemaOf } from "./json-schema";
import type { RouteSpec } from "./route-spec";

const ERROR_SCHEMA = jsonSchemaOf(ErrorBodySchema);

interface JsonObject {
  properties?: Record<string, Record<string, unknown>>;
  required?: string[];
}

function parameters(spec: RouteSpec) {
  const out: Record<string, unknown>[] = [];
  for (const [where, schema] of [
    ["path", spec.params],
    ["query", spec.query],
  ] as const) {
    if (!schema) continue;
    const json = jsonSchemaOf(schema) as JsonObject;
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      out.push({
        name,
        in: where,
        required: where === "path" || (json.required ?? []).includes(name),
        schema: property,
      });
    }
  }
  return out;
}

function security(spec: RouteSpec) {
  if (spec.access.kind === "public") return [];
  return spec.access.sessionOnly ? [{ session: [] }] : [{ session: [] }, { bearer: [] }];
}

function operation(spec: RouteSpec) {
  const role =
    spec.access.kind === "site" ? ` Needs the ${spec.access.role} role on the site.` : "";
  const errors = Object.fromEntries(
    ["400", "401", "403", "404", "409"].map((s) => [
      s,
      {
        description: "Error",
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      },
    ]),
  );
  return {
    operationId: `${spec.method.toLowerCase()}${spec.path.replace(/[/:{}-](\w)/g, (_, c: string) => c.toUpperCase())}`,
    summary: spec.summary,
    description: `${spec.summary}.${role}`,
    tags: [spec.tag],
    security: security(spec),
    parameters: parameters(spec),
    ...(spec.body
      ? {
          requestBody: {
            required: !spec.optionalBody,
            content: { "application/json": { schema: jsonSchemaOf(spec.body) } },
          },
        }
      : {}),
    responses: {
      [String(spec.response.status)]: {
        description: spec.response.description,
        ...(spec.response.schema
          ? {
              content: {
                [spec.response.contentType ?? "application/json"]: {
                  schema: jsonSchemaOf(spec.response.schema),
                },
              },
            }
          : {}),
      },
      ...(spec.access.kind === "public" ? { "400": errors["400"] } : errors),
    },
  };
}

/** The OpenAPI 3.1 document of the given routes. */
export function openApiDocument(
  serverUrl: string,
  routes: readonly RouteSpec[],
): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of routes) {
    const path = spec.path.replace(/:(\w+)/g, "{$1}");
    paths[path] ??= {};
    (paths[path] as Record<string, unknown>)[spec.method.toLowerCase()] = operation(spec);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Assent API",
      version: "1",
      description:
        "Consent receipts and their administration. Errors are `{ error: { code, message } }`, " +
        `the code one of ${Object.keys(API_ERRORS).length} listed in \`x-error-codes\`. ` +
        "Admin writes with a session cookie must send the session's CSRF token in `X-CSRF-Token`.",
    },
    servers: [{ url: serverUrl }],
    "x-error-codes": Object.fromEntries(
      Object.entries(API_ERRORS).map(([code, { status, message }]) => [code, { status, message }]),
    ),
    paths,
    components: {
      schemas: { Error: ERROR_SCHEMA },
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "assent_session" },
        bearer: { type: "http", scheme: "bearer", description: "An API token of one site" },
      },
    },
  };
}
