export {
  API_TOKEN_PREFIX,
  activeTokenCount,
  grantForApiToken,
  newApiToken,
  type TokenGrant,
  userTokensRevoke,
} from "./api-tokens";
export { DEFAULT_ITERATIONS, hashPassword, randomToken, verifyPassword } from "./password";
export { authenticate, type Principal, requireCsrf, SESSION_COOKIE } from "./principal";
export { sameOriginWrites } from "./same-origin-writes";
export {
  type ActiveSession,
  countOpen,
  createSession,
  deleteSession,
  type NewSession,
  openSessionCount,
  openSessions,
  SESSION_TTL_MS,
  type SessionUser,
  sessionForToken,
  sessionInsert,
  userForSession,
  userSessionsDelete,
} from "./sessions";
export {
  type Reservation,
  SignInThrottle,
  signInRules,
  type ThrottleRule,
} from "./sign-in-throttle";
