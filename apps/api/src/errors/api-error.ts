import { API_ERRORS, type ApiErrorCode } from "@assent/core";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** What an `ApiError` may carry besides its code and message. */
export interface ApiErrorInit {
  /** Headers of the answer, e.g. `Retry-After`. */
  headers?: Record<string, string>;
  /**
   * Only where one code answers differently on one route (`NO_DRAFT` is 404 when a draft is
   * discarded); otherwise the status is the code's in `API_ERRORS`.
   */
  status?: ContentfulStatusCode;
}

/**
 * An error the API means to show: a code from core's `API_ERRORS` (which gives its status and
 * default message) and a message that says what is wrong. Thrown anywhere; turned into
 * `{ error: { code, message } }` once, by `onError`.
 * @example throw new ApiError("SITE_NOT_FOUND", `No site with key "${key}"`);
 */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: ApiErrorCode;
  readonly headers: Record<string, string>;

  constructor(code: ApiErrorCode, message?: string, init?: ApiErrorInit) {
    super(message || API_ERRORS[code].message);
    this.name = "ApiError";
    this.code = code;
    this.status = init?.status ?? (API_ERRORS[code].status as ContentfulStatusCode);
    this.headers = init?.headers ?? {};
  }
}

/** The codes whose status in `API_ERRORS` is `status`. */
export type CodeWithStatus<S extends number> = {
  [K in ApiErrorCode]: (typeof API_ERRORS)[K]["status"] extends S ? K : never;
}[ApiErrorCode];

/** A 400 (only a code whose status is 400 type-checks). */
export const badRequest = (code: CodeWithStatus<400>, message?: string) =>
  new ApiError(code, message);
/** A 404 (only a code whose status is 404 type-checks). */
export const notFound = (code: CodeWithStatus<404>, message?: string) =>
  new ApiError(code, message);
