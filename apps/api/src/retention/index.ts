export { decisionReachDays, publishedExpiryDays, REPLACED_CONFIG_DAYS } from "./decision-reach";
export {
  continueRetention,
  type PurgeProgress,
  type PurgeReport,
  purgeExpiredReceipts,
  purgeWithin,
  type RetentionRunOptions,
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
