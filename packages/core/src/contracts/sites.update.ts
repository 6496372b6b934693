import { SiteUpdateSchema } from "../admin";
import { SiteSettingsSchema } from "./shapes";

/** `PATCH /v1/admin/sites/:site`: settings changed (or a lowering of retention scheduled). */
export const SitesUpdate = { request: SiteUpdateSchema, response: SiteSettingsSchema };
