import { API_ERRORS, type ApiErrorCode, ErrorBodySchema } from "@assent/core";
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

/** What reading a JSON body may answer: not JSON, too deep, not UTF-8, cut off, too large, another type. */
const BODY_ERRORS: readonly ApiErrorCode[] = [
  "INVALID_JSON",
  "JSON_TOO_DEEP",
  "INVALID_BODY",
  "INVALID_ENCODING",
  "BODY_INCOMPLETE",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
];

/**
 * The error codes a route may answer with: those of its kind (its parameters, query and body
 * read; an admin route's signing in, CSRF and access; a database busy or unreachable on every
 * route), and those its spec declares.
 */
export function routeErrorCodes(spec: RouteSpec): ApiErrorCode[] {
  const codes = new Set<ApiErrorCode>([
    "MISDIRECTED_REQUEST",
    "DATABASE_BUSY",
    "DATABASE_UNAVAILABLE",
  ]);
  if (spec.params) codes.add("INVALID_PARAMS");
  if (spec.query) codes.add("INVALID_QUERY");
  if (spec.body) for (const code of BODY_ERRORS) codes.add(code);
  if (spec.access.kind !== "public") {
    codes.add("UNAUTHENTICATED");
    if (spec.access.sessionOnly) codes.add("SESSION_REQUIRED");
    else codes.add("INVALID_TOKEN");
    if (spec.method !== "GET")
      for (const code of ["CSRF_REJECTED", "CSRF_TOKEN_INVALID"] as const) codes.add(code);
  }
  if (spec.access.kind === "site")
    for (const code of ["FORBIDDEN", "SITE_NOT_FOUND", "SITE_REQUIRED"] as const) codes.add(code);
  for (const code of spec.errors ?? []) codes.add(code);
  return [...codes];
}

function operation(spec: RouteSpec) {
  const role =
    spec.access.kind === "site" ? ` Needs the ${spec.access.role} role on the site.` : "";
  const byStatus = new Map<string, ApiErrorCode[]>();
  for (const code of routeErrorCodes(spec)) {
    const status = String(API_ERRORS[code].status);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const errors = Object.fromEntries(
    [...byStatus.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([status, codes]) => [
        status,
        {
          description: `Error: ${codes.join(", ")}`,
          content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
        },
      ]),
  );
  const successes = Object.fromEntries(
    (spec.alsoAnswers ?? []).map((also) => [
      String(also.status),
      {
        description: also.description,
        ...(also.schema
          ? {
              content: {
                [also.contentType ?? "application/json"]: { schema: jsonSchemaOf(also.schema) },
              },
            }
          : {}),
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
      ...successes,
      ...errors,
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
