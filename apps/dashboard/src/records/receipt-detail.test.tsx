import type { AdminReceipt, ConfigVersion } from "@assent/core";
import { cleanup, screen } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeReceipt, ok, stubApi } from "../testing/fake-api";
import { renderInSite } from "../testing/render-in-site";
import { ReceiptDetail } from "./receipt-detail";
import { withProof } from "./signature-check";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const VERSION: ConfigVersion = {
  version: 3,
  hash: "a".repeat(64),
  policyVersion: "2026-01",
  publishedAt: "2026-01-01T00:00:00.000Z",
  publishedBy: "dpo@example.org",
  acknowledged: [],
  config: {
    siteKey: "example-union",
    policyVersion: "2026-01",
    defaultLanguage: "en",
    categories: [{ id: "necessary", required: true }, { id: "analytics" }],
    services: [{ id: "google-analytics", category: "analytics" }],
    expiry: { acceptedDays: 365, rejectedDays: 182 },
    ui: { theme: "auto", position: "bar", floatingButton: false },
    texts: { en: { title: "Cookies at the Union" }, "en-gb": { acceptAll: "Yes please" } },
  },
};

/** Signs a receipt the way the API does, with a fresh Ed25519 key, and returns it with the JWKS. */
async function signed(receipt: AdminReceipt) {
  const { receiptDigest } = await import("@assent/core");
  const keys = (await crypto.subtle.generateKey({ name: "Ed25519" }, true, [
    "sign",
    "verify",
  ])) as CryptoKeyPair;
  const digest = await receiptDigest(receipt);
  const signature = new Uint8Array(
    await crypto.subtle.sign(
      { name: "Ed25519" },
      keys.privateKey,
      new TextEncoder().encode(digest),
    ),
  );
  const b64url = btoa(String.fromCharCode(...signature))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
  const jwk = await crypto.subtle.exportKey("jwk", keys.publicKey);
  return {
    receipt: { ...receipt, digest, signature: b64url, keyId: "k1" },
    jwks: { keys: [{ kty: "OKP", crv: "Ed25519", x: jwk.x, kid: "k1" }] },
  };
}

describe("ReceiptDetail", () => {
  it("shows every field, the exact config and texts shown, and a verified signature", async () => {
    const { receipt, jwks } = await signed(
      fakeReceipt({ configHash: VERSION.hash, language: "en-GB", pagePath: "/join" }),
    );
    const calls = stubApi({
      [`GET /v1/admin/sites/example-union/config/versions/${VERSION.hash}`]: () => ok(VERSION),
      "GET /v1/sites/example-union/jwks": () => ok(jwks),
    });
    renderInSite(<ReceiptDetail receipt={receipt} onClose={vi.fn()} />);

    expect(await screen.findByText("Signature verified")).toBeTruthy();
    expect((await screen.findByTestId("config-version")).textContent).toBe("3");
    expect(screen.getByText("Cookies at the Union")).toBeTruthy();
    expect(screen.getByText("Yes please")).toBeTruthy();
    expect(screen.getByText("/join")).toBeTruthy();
    expect(screen.getByText("203.0.113.0")).toBeTruthy();
    expect(calls.map((c) => c.url.pathname)).toContain("/v1/sites/example-union/jwks");
  });

  it("says Signature invalid when a signed field was changed", async () => {
    const { receipt, jwks } = await signed(fakeReceipt({ configHash: VERSION.hash }));
    stubApi({
      [`GET /v1/admin/sites/example-union/config/versions/${VERSION.hash}`]: () => ok(VERSION),
      "GET /v1/sites/example-union/jwks": () => ok(jwks),
    });
    renderInSite(
      <ReceiptDetail receipt={{ ...receipt, method: "accept-all" }} onClose={vi.fn()} />,
    );
    expect(await screen.findByText("Signature invalid")).toBeTruthy();
  });

  it("puts the flat proof columns back in the shape verification reads", () => {
    const receipt = fakeReceipt({ digest: "d", signature: "s", keyId: "k" });
    expect(withProof(receipt).proof).toEqual({
      alg: "EdDSA",
      kid: "k",
      digest: "d",
      signature: "s",
    });
    expect(withProof(fakeReceipt()).proof).toBeUndefined();
  });
});
