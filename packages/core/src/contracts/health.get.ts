import * as v from "valibot";

/** `GET /healthz`: the server is up. */
export const HealthGet = { response: v.object({ ok: v.literal(true) }) };
