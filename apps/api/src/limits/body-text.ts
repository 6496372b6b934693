import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { ApiError } from "../errors";

/**
 * What a failure to read a request body means: a refusal already made (`413` from `bodyLimit`)
 * stays as it is; anything else is a body that stopped arriving (the client hung up, the
 * connection dropped mid-upload), `408 BODY_INCOMPLETE`, never a `500`: nothing was read, so
 * nothing was done.
 */
export function bodyReadFailure(err: unknown): Error {
  if (err instanceof ApiError || err instanceof HTTPException) return err;
  return new ApiError("BODY_INCOMPLETE");
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The request body as text. A body that does not arrive whole is `408 BODY_INCOMPLETE`; one that
 * is not UTF-8 (the only encoding of JSON, RFC 8259 §8.1, and of a C2SP note) is
 * `400 INVALID_ENCODING`: decoding it leniently would store U+FFFD in place of what was sent, and
 * a receipt must keep the visitor's choice as made.
 * @example const body = parseJsonBody(await bodyText(c));
 */
export async function bodyText(c: Context): Promise<string> {
  let bytes: ArrayBuffer;
  try {
    bytes = await c.req.arrayBuffer();
  } catch (err) {
    throw bodyReadFailure(err);
  }
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new ApiError("INVALID_ENCODING");
  }
}
