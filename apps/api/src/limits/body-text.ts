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

/**
 * The request body as text; a body that does not arrive whole is `408 BODY_INCOMPLETE`.
 * @example const body = parseJsonBody(await bodyText(c));
 */
export async function bodyText(c: Context): Promise<string> {
  try {
    return await c.req.text();
  } catch (err) {
    throw bodyReadFailure(err);
  }
}
