export { jwksRoutes } from "./jwks.routes";
export {
  digestReceipt,
  type SignaturePrimitives,
  signReceipt,
  webPrimitives,
} from "./sign-receipt";
export {
  createSigningKey,
  forgetSigningKeys,
  type SigningKey,
  signingKeyFor,
  siteJwks,
} from "./signing-keys";
