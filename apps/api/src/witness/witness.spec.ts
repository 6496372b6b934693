import * as v from "valibot";
import { defineRoute } from "../openapi";

// The witness's public routes (C2SP tlog-witness); the handlers are `witness.routes.ts`.

export const addCheckpointRoute = defineRoute({
  method: "POST",
  path: "/v1/witness/add-checkpoint",
  summary:
    "Submit a log's new checkpoint for cosigning (C2SP tlog-witness). Body, text: `old <size>`, the consistency proof's base64 hashes one a line, a blank line, the signed checkpoint. 400 INVALID_CHECKPOINT_SUBMISSION (malformed, or old larger than the checkpoint), 403 CHECKPOINT_NOT_SIGNED, 404 UNKNOWN_LOG, 409 `text/x.tlog.size` with the size last cosigned when `old` is not it, 422 INCONSISTENT_CHECKPOINT",
  tag: "witness",
  access: { kind: "public" },
  response: {
    status: 200,
    description: "The witness's cosignature line(s) (C2SP tlog-cosignature, Ed25519)",
    contentType: "text/plain",
    schema: v.string(),
  },
  errors: [
    "UNKNOWN_LOG",
    "CHECKPOINT_NOT_SIGNED",
    "INCONSISTENT_CHECKPOINT",
    "INVALID_CHECKPOINT_SUBMISSION",
    "BODY_INCOMPLETE",
    "INVALID_ENCODING",
    "PAYLOAD_TOO_LARGE",
  ],
});

export const witnessVkeyRoute = defineRoute({
  method: "GET",
  path: "/v1/witness/vkey",
  summary: "This server's witness cosignature verifier key (`name+keyhash+base64(0x04 || key)`)",
  tag: "witness",
  access: { kind: "public" },
  response: {
    status: 200,
    description: "The verifier key, one line",
    contentType: "text/plain",
    schema: v.string(),
  },
});

export const witnessCheckpointRoute = defineRoute({
  method: "GET",
  path: "/v1/witness/:originHash/checkpoint",
  summary:
    "The latest checkpoint this witness cosigned for the log whose origin's SHA-256 is `originHash` (lowercase hex), with the log's signature and the cosignature; 404 UNKNOWN_LOG before the first",
  tag: "witness",
  access: { kind: "public" },
  params: v.object({ originHash: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)) }),
  response: {
    status: 200,
    description: "The cosigned checkpoint (signed note)",
    contentType: "text/plain",
    schema: v.string(),
  },
  errors: ["UNKNOWN_LOG"],
});
