import { describe, expect, it } from "vitest";
import { deriveKeyring, openPrivateJwk, SigningKeyUnreadableError } from "../../signing";
import { startWorker, WORKER_OWNER, WORKER_SECRET } from "./worker-on-workerd";

interface ErrorBody {
  error: { code: string; message: string };
}

describe("the Worker's secrets", () => {
  it("without ASSENT_SECRET answers every request 500 ASSENT_SECRET_REQUIRED", async () => {
    const w = await startWorker({ ASSENT_SECRET: "" });
    try {
      for (const path of ["/healthz", "/v1/sites/demo/jwks", "/s/demo.js"]) {
        const res = await w.fetch(path);
        expect(res.status, path).toBe(500);
        const { error } = (await res.json()) as ErrorBody;
        expect(error.code).toBe("ASSENT_SECRET_REQUIRED");
        expect(error.message).toContain("wrangler secret put ASSENT_SECRET");
      }
    } finally {
      await w.close();
    }
  }, 60_000);

  it("keeps the signing keys in D1 encrypted with it and logs no password", async () => {
    const w = await startWorker();
    try {
      const jwks = (await (await w.fetch("/v1/sites/demo/jwks")).json()) as {
        keys: Array<{ kid: string; x: string }>;
      };
      const { results } = await w.d1
        .prepare("SELECT id, private_jwk FROM signing_keys")
        .all<{ id: string; private_jwk: string }>();
      expect(results).toHaveLength(1);
      const row = results[0] as { id: string; private_jwk: string };
      expect(row.private_jwk).toMatch(/^v1:/);
      expect(row.private_jwk).not.toContain('"d"');
      const opened = await openPrivateJwk(
        await deriveKeyring({ current: WORKER_SECRET }),
        row.id,
        row.private_jwk,
      );
      expect(JSON.parse(opened.jwk).x).toBe(jwks.keys.find((k) => k.kid === row.id)?.x);
      const other = await deriveKeyring({ current: `${WORKER_SECRET}-not-it` });
      await expect(openPrivateJwk(other, row.id, row.private_jwk)).rejects.toThrow(
        SigningKeyUnreadableError,
      );
      const logged = w.logs.map((l) => l.message).join("\n");
      expect(logged).toContain(`owner ${WORKER_OWNER.email} created`);
      expect(logged).not.toContain(WORKER_OWNER.password);
    } finally {
      await w.close();
    }
  }, 60_000);

  it("without ASSENT_ADMIN_PASSWORD creates no owner and says how to set one", async () => {
    const w = await startWorker({ ASSENT_ADMIN_PASSWORD: "" });
    try {
      expect((await w.fetch("/healthz")).status).toBe(200);
      const users = await w.d1.prepare("SELECT count(*) AS n FROM users").first<{ n: number }>();
      expect(users?.n).toBe(0);
      const logged = w.logs.map((l) => l.message).join("\n");
      expect(logged).toContain("wrangler secret put ASSENT_ADMIN_PASSWORD");
      expect(logged).not.toMatch(/password:|\/ /i);
    } finally {
      await w.close();
    }
  }, 60_000);
});
