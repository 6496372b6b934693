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
