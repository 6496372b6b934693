import * as v from "valibot";

/** `GET /v1/sites/:key/jwks`: the public keys receipts are signed with. */
export const JwksGet = {
  response: v.object({
    keys: v.array(
      v.object({
        kty: v.literal("OKP"),
        crv: v.literal("Ed25519"),
        x: v.string(),
        kid: v.string(),
        alg: v.optional(v.literal("EdDSA")),
        use: v.optional(v.literal("sig")),
      }),
    ),
  }),
};
