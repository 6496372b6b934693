import type { MiddlewareHandler } from "hono";
import { bodyLimit as streamingBodyLimit } from "hono/body-limit";
import { ApiError } from "../errors";
import { bodyReadFailure } from "./body-text";

/**
 * Refuses a request body larger than `maxBytes` with `413 PAYLOAD_TOO_LARGE` and `message`.
 *
 * A body that declares its `Content-Length` (every browser `fetch` and `sendBeacon` does) is
 * judged by that header alone: the HTTP layer (Node's parser, the Workers runtime) delivers
 * exactly that many bytes, so the body is never wrapped in a counting stream and the route reads
 * it the fast way. A chunked body without a length is counted as it streams in; one that stops
 * arriving on the way is `408 BODY_INCOMPLETE` (`bodyReadFailure`).
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
    if (declared === undefined || !/^\d+$/.test(declared)) {
      let read = false;
      try {
        return await streaming(c, () => {
          read = true;
          return next();
        });
      } catch (err) {
        // Past `next`, the error is the route's own.
        throw read ? err : bodyReadFailure(err);
      }
    }
    if (Number(declared) > maxBytes) throw tooLarge();
    await next();
  };
}
