import { ConfigVersionSchema } from "./shapes";

/** `GET /v1/admin/sites/:site/config/versions/:ref`: one published version. */
export const ConfigVersionsGet = { response: ConfigVersionSchema };
