export { type PurgeReport, purgeExpiredReceipts, schedulePurge } from "./purge";
