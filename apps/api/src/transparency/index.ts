// The transparency log of each site's receipts and published configs: integration into
// per-site Merkle logs, signed checkpoints, tiles and inclusion proofs (C2SP formats).
export { type IntegrationWindow, readWindow } from "./integration-window";
export { logRoutes } from "./log.routes";
export { logCheckpointRoute, logTileRoute, logVkeyRoute, receiptProofRoute } from "./log.spec";
export {
  type IntegrationReport,
  type IntegratorOptions,
  integrate,
  integrateOnce,
} from "./log-integrator";
export { type LogKey, logKeyFor, logOrigin, protectLogKeys } from "./log-keys";
export {
  INTEGRATE_EVERY_MS,
  type IntegrationLoop,
  scheduleLogIntegration,
} from "./log-schedule";
export { latestCheckpoint, leafOfReceipt, type StoredCheckpoint, storedTiles } from "./log-store";
export { receiptProofRoutes } from "./receipt-proof.routes";
