export { DEFAULT_ITERATIONS, hashPassword, randomToken, verifyPassword } from "./password";
export { type AdminEnv, requireSession, SESSION_COOKIE, sameOriginWrites } from "./require-session";
export {
  createSession,
  deleteSession,
  SESSION_TTL_MS,
  type SessionUser,
  userForSession,
} from "./sessions";
export { SignInThrottle } from "./sign-in-throttle";
