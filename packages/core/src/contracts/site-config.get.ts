import * as v from "valibot";
import { PublishedConfigSchema } from "./shapes";

/** `GET /v1/sites/:key/config`: a site's published configuration and its content hash. */
export const SiteConfigGet = {
  response: v.object({ version: v.number(), hash: v.string(), config: PublishedConfigSchema }),
};
