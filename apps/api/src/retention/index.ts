export { decisionReachDays, publishedExpiryDays, REPLACED_CONFIG_DAYS } from "./decision-reach";
export {
  type PurgeReport,
  purgeExpiredReceipts,
  runDailyRetention,
  schedulePurge,
} from "./purge";
export {
  applyDueRetentionChanges,
  cancelRetentionChange,
  RETENTION_GRACE_MS,
  type RetentionPair,
  scheduledRetention,
  scheduleRetentionChange,
} from "./retention-changes";
