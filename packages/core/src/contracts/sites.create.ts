import { SiteCreateSchema } from "../admin";
import { SiteSettingsSchema } from "./shapes";

/** `POST /v1/admin/sites`: a new site, answered with its settings. */
export const SitesCreate = { request: SiteCreateSchema, response: SiteSettingsSchema };
