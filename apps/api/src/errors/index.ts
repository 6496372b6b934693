export { ApiError, badRequest, notFound } from "./api-error";
export {
  DatabaseBusyError,
  DatabaseUnavailableError,
  databaseFailure,
  isDatabaseBusy,
} from "./database-busy";
export { notFoundHandler, onError } from "./on-error";
