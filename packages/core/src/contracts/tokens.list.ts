import * as v from "valibot";
import { ApiTokenSchema } from "./shapes";

/** `GET /v1/admin/sites/:site/tokens`: the site's API tokens, without their secrets. */
export const TokensList = { response: v.object({ tokens: v.array(ApiTokenSchema) }) };
