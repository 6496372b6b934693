import { ConfigVersionSchema } from "./shapes";

/** `POST /v1/admin/sites/:site/config/publish` and `.../bump`: the version published. */
export const ConfigPublish = { response: ConfigVersionSchema };

/** A policy bump publishes a version too. */
export const ConfigBump = ConfigPublish;
