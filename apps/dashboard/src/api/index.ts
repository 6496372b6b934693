export { getSession, listReceipts, signIn, signOut } from "./admin";
export { ApiRequestError, isSessionEnded, userMessage } from "./client";
