import * as v from "valibot";

/** Every API error: `{ error: { code, message } }`, the code one of `API_ERRORS`. */
export const ErrorBodySchema = v.object({
  error: v.object({ code: v.string(), message: v.string() }),
});
