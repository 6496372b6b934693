import type { MiddlewareHandler } from "hono";
import { bodyLimit as streamingBodyLimit } from "hono/body-limit";
import { ApiError } from "../errors";

/**
 * Refuses a request body larger than `maxBytes` with `413 PAYLOAD_TOO_LARGE` and `message`.
 *
 * A body that declares its `Content-Length` (every browser `fetch` and `sendBeacon` does) is
 * judged by that header alone: the HTTP layer (Node's parser, the Workers runtime) delivers
 * exactly that many bytes, so the body is never wrapped in a counting stream and the route reads
 * it the fast way. A chunked body without a length is counted as it streams in.
 */
export function bodyLimit(maxBytes: number, message: string): MiddlewareHandler {
  const tooLarge = () => new ApiError("PAYLOAD_TOO_LARGE", message);
  const streaming = streamingBodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw tooLarge();
    },
  });
  return async (c, next) => {
    const declared = c.req.header("Content-Length");
    if (declared === undefined || !/^\d+$/.test(declared)) return streaming(c, next);
    if (Number(declared) > maxBytes) throw tooLarge();
    await next();
  };
}
