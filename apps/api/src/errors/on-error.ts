import { API_ERRORS, isApiErrorCode } from "@assent/core";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { ApiError } from "./api-error";
import { DatabaseUnavailableError, databaseFailure } from "./database-busy";

function body(code: string, message: string) {
  return { error: { code, message } };
}

/** The one place errors become responses. Unknown errors are logged and answered as 500. */
export function onError(thrown: Error, c: Context): Response {
  const err = databaseFailure(thrown);
  if (err instanceof DatabaseUnavailableError)
    console.warn("[assent] database unavailable", thrown);
  if (err instanceof ApiError) {
    for (const [name, value] of Object.entries(err.headers)) c.header(name, value);
    return c.json(body(err.code, err.message), err.status);
  }
  if (err instanceof HTTPException) {
    const cause = err.cause as { code?: string } | undefined;
    const code = cause?.code ?? (err.status === 413 ? "PAYLOAD_TOO_LARGE" : `HTTP_${err.status}`);
    const fallback = isApiErrorCode(code) ? API_ERRORS[code].message : "Request failed";
    return c.json(body(code, err.message || fallback), err.status);
  }
  console.error("[assent] unhandled error", err);
  return c.json(body("INTERNAL", API_ERRORS.INTERNAL.message), API_ERRORS.INTERNAL.status);
}

/** JSON 404 for routes that do not exist. */
export function notFoundHandler(c: Context): Response {
  return c.json(
    body("NOT_FOUND", `No route for ${c.req.method} ${c.req.path}`),
    API_ERRORS.NOT_FOUND.status,
  );
}
