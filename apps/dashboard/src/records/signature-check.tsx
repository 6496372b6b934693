import { type AdminReceipt, type ReceiptVerification, verifyReceipt } from "@assent/core";
import { useEffect, useState } from "preact/hooks";
import { getJwks } from "../api";
import { formatServerTime } from "./receipt-format";

const REASONS: Record<Exclude<ReceiptVerification, { valid: true }>["reason"], string> = {
  UNSIGNED: "the receipt carries no signature.",
  UNKNOWN_KEY: "the site's published keys do not include the signing key.",
  DIGEST_MISMATCH: "the fields no longer match what was signed.",
  BAD_SIGNATURE: "the signature does not match the site's public key.",
};

/** The receipt as signed: the flat proof columns put back in the shape `verifyReceipt` reads. */
export function withProof(receipt: AdminReceipt): AdminReceipt {
  if (receipt.proof || !receipt.digest || !receipt.signature || !receipt.keyId) return receipt;
  return {
    ...receipt,
    proof: {
      alg: "EdDSA",
      kid: receipt.keyId,
      digest: receipt.digest,
      signature: receipt.signature,
    },
  };
}

type Check =
  | { state: "checking" }
  | { state: "done"; result: ReceiptVerification }
  | { state: "error" };

/** Checks the receipt's Ed25519 signature in this browser against the site's published JWKS. */
export function SignatureCheck({ receipt }: { receipt: AdminReceipt }) {
  const [check, setCheck] = useState<Check>({ state: "checking" });

  useEffect(() => {
    let live = true;
    getJwks(receipt.siteKey)
      .then((jwks) => verifyReceipt(withProof(receipt), jwks))
      .then(
        (result) => live && setCheck({ state: "done", result }),
        (error: unknown) => {
          console.error(error);
          if (live) setCheck({ state: "error" });
        },
      );
    return () => {
      live = false;
    };
  }, [receipt]);

  if (check.state === "checking") {
    return (
      <p class="signature" role="status">
        Checking the signature…
      </p>
    );
  }
  if (check.state === "error") {
    return (
      <p class="signature invalid" role="status">
        The signature could not be checked: the site's public keys did not load.
      </p>
    );
  }
  const { result } = check;
  if (result.valid) {
    return (
      <p class="signature valid" role="status">
        <strong>Signature verified</strong> in this browser with key <code>{result.kid}</code>.
      </p>
    );
  }
  if (receipt.erasedAt && result.reason === "DIGEST_MISMATCH") {
    return (
      <p class="signature erased" role="status">
        <strong>Signature invalid</strong> for the fields as they are now: the subject's personal
        fields were erased on {formatServerTime(receipt.erasedAt)}. The digest and signature kept
        prove the record existed.
      </p>
    );
  }
  return (
    <p class="signature invalid" role="status">
      <strong>Signature invalid</strong>: {REASONS[result.reason]}
    </p>
  );
}
