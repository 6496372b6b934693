export { ApiError, badRequest, notFound } from "./api-error";
export { notFoundHandler, onError } from "./on-error";
