export { changePassword, listAccountSessions, signOutEverywhere } from "./account";
export {
  eraseSubject,
  filterParams,
  getJwks,
  getReceipt,
  getSession,
  getStats,
  getSubject,
  getSubjectReport,
  listReceipts,
  RECEIPTS_PAGE_SIZE,
  type ReceiptFilters,
  signIn,
  signOut,
} from "./admin";
export { ApiRequestError, apiStream, isSessionEnded, userMessage } from "./client";
export * from "./invitations";
export { getLogCheckpoint, getLogVkey, getReceiptProof } from "./log";
export * from "./sites";
export {
  addWitness,
  addWitnessedLog,
  listWitnessedLogs,
  listWitnesses,
  removeWitness,
  removeWitnessedLog,
} from "./witnesses";
