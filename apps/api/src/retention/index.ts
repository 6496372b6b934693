export {
  type PurgeReport,
  purgeExpiredReceipts,
  runDailyRetention,
  schedulePurge,
} from "./purge";
