export { jwksRoutes } from "./jwks.routes";
export { signReceipt } from "./sign-receipt";
export {
  createSigningKey,
  forgetSigningKeys,
  type SigningKey,
  signingKeyFor,
  siteJwks,
} from "./signing-keys";
