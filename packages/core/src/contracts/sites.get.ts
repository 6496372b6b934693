import { SiteSettingsSchema } from "./shapes";

/** `GET /v1/admin/sites/:site`: a site's settings. */
export const SitesGet = { response: SiteSettingsSchema };
