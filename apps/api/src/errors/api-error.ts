import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * An error the API means to show: a status, a SCREAMING_CODE and a message that says what is
 * wrong. Thrown anywhere; turned into `{ error: { code, message } }` once, by `onError`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** 400 with a code and message. */
export const badRequest = (code: string, message: string) => new ApiError(400, code, message);
/** 404 with a code and message. */
export const notFound = (code: string, message: string) => new ApiError(404, code, message);
