import * as v from "valibot";
import { SiteSummarySchema } from "./shapes";

/** `GET /v1/admin/sites`: the caller's sites. */
export const SitesList = { response: v.object({ sites: v.array(SiteSummarySchema) }) };
