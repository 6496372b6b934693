import type { SigningSecrets } from "./secret-box";

/** Fewest characters `ASSENT_SECRET` may have: 32 random bytes are 43 in base64url, 44 in base64. */
export const MIN_SECRET_LENGTH = 43;

/** How to make a good `ASSENT_SECRET`, for messages. */
export const GENERATE_SECRET_HINT =
  "generate one with `openssl rand -base64 32` or " +
  "`node -e \"console.log(require('node:crypto').randomBytes(32).toString('base64url'))\"`";

/**
 * Why `secret` is not fit to seal signing keys, or `null` when it is. Entropy cannot be measured
 * from one value, so this asks for the length of 32 random bytes in base64 (43 characters) and
 * at least 10 distinct characters, which turns away padded or repeated words. The message never
 * repeats the secret.
 */
export function secretProblem(secret: string, name = "ASSENT_SECRET"): string | null {
  if (secret.length < MIN_SECRET_LENGTH) {
    return `${name} has ${secret.length} characters; it needs at least ${MIN_SECRET_LENGTH} (32 random bytes): ${GENERATE_SECRET_HINT}`;
  }
  if (new Set(secret).size < 10) {
    return `${name} repeats too few characters to be random: ${GENERATE_SECRET_HINT}`;
  }
  return null;
}

/** The secrets as configured, or why they cannot be used. */
export type SecretsCheck = { ok: true; secrets: SigningSecrets } | { ok: false; message: string };

/**
 * Checks `ASSENT_SECRET` (required, `secretProblem`) and `ASSENT_SECRET_PREVIOUS` (optional, only
 * ever decrypts, so not checked), both trimmed. The Node entry and the Worker read them this way.
 */
export function checkSecrets(current: string | undefined, previous?: string): SecretsCheck {
  const secret = current?.trim() ?? "";
  if (!secret) {
    return { ok: false, message: `ASSENT_SECRET is not set: ${GENERATE_SECRET_HINT}` };
  }
  const problem = secretProblem(secret);
  if (problem) return { ok: false, message: problem };
  const old = previous?.trim();
  return { ok: true, secrets: old ? { current: secret, previous: old } : { current: secret } };
}

/** Where the Node entry takes its signing secrets from. */
export type NodeSecretSource =
  | { kind: "env"; secrets: SigningSecrets }
  /** Outside production without `ASSENT_SECRET`: a generated secret kept beside the database. */
  | { kind: "file"; previous?: string }
  | { kind: "refuse"; message: string };

/**
 * Decides where the Node entry's secrets come from: `ASSENT_SECRET` when set (refused when too
 * weak, in any environment); without it, refused when `NODE_ENV=production` (a secret kept
 * beside the database would travel with its backups), else a file beside the database.
 */
export function nodeSecretSource(env: {
  NODE_ENV?: string;
  ASSENT_SECRET?: string;
  ASSENT_SECRET_PREVIOUS?: string;
}): NodeSecretSource {
  const previous = env.ASSENT_SECRET_PREVIOUS?.trim() || undefined;
  if (env.ASSENT_SECRET?.trim()) {
    const check = checkSecrets(env.ASSENT_SECRET, previous);
    return check.ok ? { kind: "env", secrets: check.secrets } : refuse(check.message);
  }
  if (env.NODE_ENV === "production") {
    return refuse(
      `NODE_ENV=production needs ASSENT_SECRET, the secret that encrypts the signing keys in the database: ${GENERATE_SECRET_HINT}, and keep it out of the database's backups`,
    );
  }
  return previous ? { kind: "file", previous } : { kind: "file" };
}

function refuse(message: string): NodeSecretSource {
  return { kind: "refuse", message: `Assent will not start: ${message}` };
}
