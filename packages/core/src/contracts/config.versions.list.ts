import * as v from "valibot";
import { ConfigVersionSummarySchema } from "./shapes";

/** `GET /v1/admin/sites/:site/config/versions`: every published version. */
export const ConfigVersionsList = {
  response: v.object({ versions: v.array(ConfigVersionSummarySchema) }),
};
