export { jwksRoutes } from "./jwks.routes";
export { jwksRoute } from "./jwks.spec";
export { keyringOf, type ProtectionReport, protectSigningKeys } from "./key-protection";
export {
  newSealedEd25519,
  openSealedEd25519,
  resealedEd25519,
  type SealedEd25519,
} from "./sealed-ed25519";
export {
  deriveKeyring,
  type Keyring,
  type OpenedWith,
  openPrivateJwk,
  SigningKeyUnreadableError,
  type SigningSecrets,
  sealPrivateJwk,
} from "./secret-box";
export {
  checkSecrets,
  GENERATE_SECRET_HINT,
  MIN_SECRET_LENGTH,
  type NodeSecretSource,
  nodeSecretSource,
  type SecretsCheck,
  secretProblem,
} from "./secret-policy";
export { signReceipt } from "./sign-receipt";
export {
  createSigningKey,
  forgetSigningKeys,
  type SigningKey,
  signingKeyFor,
  siteJwks,
} from "./signing-keys";
