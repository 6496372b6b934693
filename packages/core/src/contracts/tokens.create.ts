import * as v from "valibot";
import { TokenCreateSchema } from "../admin";
import { ApiTokenSchema } from "./shapes";

/** `POST /v1/admin/sites/:site/tokens`: a token, its secret shown once. */
export const TokensCreate = {
  request: TokenCreateSchema,
  response: v.object({ ...ApiTokenSchema.entries, token: v.string() }),
};
