import { SiteSettingsSchema } from "./shapes";

/** `DELETE /v1/admin/sites/:site/retention-change`: the scheduled change cancelled. */
export const RetentionChangeCancel = { response: SiteSettingsSchema };
