export { createApp, DASHBOARD_CSP } from "./app";
export type { AppDeps, SdkBundle, StaticAssets } from "./deps";
export { purgeExpiredReceipts } from "./retention";
export { seed } from "./seed";
