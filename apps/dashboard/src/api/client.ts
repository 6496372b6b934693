import { API_ERRORS, type ApiError, CSRF_HEADER, isApiErrorCode } from "@assent/core";

/** Status used when the request never got an answer (offline, DNS, connection reset). */
export const NETWORK_FAILURE = 0;

/** A failed API call: the HTTP status and the `{ error: { code, message } }` the API sent. */
export class ApiRequestError extends Error {
  override readonly name = "ApiRequestError";

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Whether an error means the admin session is gone and the user must sign in again. */
export function isSessionEnded(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status === 401;
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
}

const SESSION_PATH = "/v1/admin/session";
/** Changing the password replaces the session: its answer carries the new CSRF token. */
export const ACCOUNT_PASSWORD_PATH = "/v1/admin/account/password";
/** The account's sessions; `DELETE` ends them all, this one included. */
export const ACCOUNT_SESSIONS_PATH = "/v1/admin/account/sessions";

/** The answers that carry the session's (new) CSRF token. */
const GIVES_CSRF_TOKEN = new Set([SESSION_PATH, ACCOUNT_PASSWORD_PATH]);
/** The requests that end this session. */
const ENDS_SESSION = new Set([`DELETE ${SESSION_PATH}`, `DELETE ${ACCOUNT_SESSIONS_PATH}`]);

/** The signed-in session's CSRF token, echoed on every state-changing request. */
let csrfToken: string | null = null;

function rememberCsrfToken(path: string, method: string, body: unknown): void {
  if (ENDS_SESSION.has(`${method} ${path}`)) csrfToken = null;
  else if (GIVES_CSRF_TOKEN.has(path) && typeof body === "object" && body !== null) {
    const token = (body as { csrfToken?: unknown }).csrfToken;
    if (typeof token === "string") csrfToken = token;
  }
}

/**
 * Calls the same-origin API with the session cookie and returns the parsed JSON body
 * (`undefined` for 204). Any non-2xx answer or unreachable server throws `ApiRequestError`;
 * an abort rethrows the `AbortError` untouched.
 *
 * A write refused for its CSRF token (`CSRF_TOKEN_INVALID`) is sent once more with the token
 * of the session the browser now holds: another tab's password change replaced the session
 * cookie this tab shares, and its token with it. Only the same-origin session read gives the
 * token, so the retry weakens nothing; a session that has ended still fails as one (401).
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  try {
    return await send<T>(path, options);
  } catch (error) {
    const method = options.method ?? "GET";
    if (
      !(error instanceof ApiRequestError && error.code === "CSRF_TOKEN_INVALID") ||
      method === "GET" ||
      path === SESSION_PATH
    )
      throw error;
    await send(SESSION_PATH, { signal: options.signal });
    return send<T>(path, options);
  }
}

async function send<T>(path: string, options: RequestOptions): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  const method = options.method ?? "GET";
  if (method !== "GET" && csrfToken) headers[CSRF_HEADER] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiRequestError(
      NETWORK_FAILURE,
      "NETWORK_ERROR",
      "Could not reach the server. Check your connection and try again.",
      { cause },
    );
  }

  if (response.status === 204) {
    rememberCsrfToken(path, method, undefined);
    return undefined as T;
  }
  const body = await readJson(response);
  if (response.ok) {
    rememberCsrfToken(path, method, body);
    if (body === undefined) {
      throw new ApiRequestError(response.status, "INVALID_RESPONSE", "The server sent no data.");
    }
    return body as T;
  }
  throw toRequestError(response.status, body);
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/**
 * Starts a GET whose body the caller reads as a stream (exports). Failures throw like
 * `apiRequest`; a 2xx answer is returned unread.
 */
export async function apiStream(path: string, signal?: AbortSignal): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: "same-origin", signal });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiRequestError(NETWORK_FAILURE, "NETWORK_ERROR", "Could not reach the server.", {
      cause,
    });
  }
  if (response.ok) return response;
  throw toRequestError(response.status, await readJson(response));
}

function toRequestError(status: number, body: unknown): ApiRequestError {
  const error = isApiError(body) ? body.error : undefined;
  const code = typeof error?.code === "string" ? error.code : `HTTP_${status}`;
  const message =
    typeof error?.message === "string" && error.message !== ""
      ? error.message
      : isApiErrorCode(code)
        ? // The API's own words for a code it sent without a message.
          API_ERRORS[code].message
        : `The request failed (HTTP ${status}).`;
  return new ApiRequestError(status, code, message);
}

function isApiError(body: unknown): body is Partial<ApiError> {
  return typeof body === "object" && body !== null && "error" in body;
}

/** What to tell the user about a failed call. Unexpected errors are logged, not hidden. */
export function userMessage(error: unknown): string {
  if (error instanceof ApiRequestError) return error.message;
  console.error(error);
  return "Something went wrong. Please try again.";
}
