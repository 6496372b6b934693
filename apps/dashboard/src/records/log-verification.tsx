import {
  type AdminReceipt,
  openCheckpoint,
  parseCheckpoint,
  type ReceiptFileCheck,
  splitNote,
  verifyReceiptFile,
} from "@assent/core";
import { useEffect, useState } from "preact/hooks";
import {
  ApiRequestError,
  getJwks,
  getLogCheckpoint,
  getLogVkey,
  getReceiptProof,
  userMessage,
} from "../api";
import { withProof } from "./signature-check";

/** One line of the verification: a check, whether it passed, and why. */
export interface VerifyLine {
  check: string;
  label: string;
  ok: boolean;
  detail: string;
}

const LABELS: Record<ReceiptFileCheck["check"], string> = {
  file: "Receipt file",
  signature: "Signature",
  entry: "Log entry",
  checkpoint: "Checkpoint note",
  inclusion: "Inclusion",
  consistency: "Consistency",
  cosignature: "Cosignature",
};

/** The latest checkpoint the log serves: signed by the same key, same log, not smaller. */
async function latestCheck(note: string, vkey: string, proven: string): Promise<VerifyLine> {
  const line = { check: "latest", label: "Latest checkpoint" };
  try {
    const { checkpoint } = await openCheckpoint(note, vkey);
    const was = parseCheckpoint(splitNote(proven).text);
    if (checkpoint.origin !== was.origin || checkpoint.size < was.size) {
      const detail = `the log now serves ${checkpoint.origin} size ${checkpoint.size}, smaller than the proof's ${was.size}`;
      return { ...line, ok: false, detail };
    }
    return { ...line, ok: true, detail: `size ${checkpoint.size}, signed by the log's key` };
  } catch (error) {
    return { ...line, ok: false, detail: `does not verify: ${(error as Error).message}` };
  }
}

/**
 * Runs core's checks of a receipt in this browser: its proof, the log's checkpoint and key are
 * fetched from the API, the key on its own, and every check (signature, entry, checkpoint note,
 * inclusion, cosignatures) is done here, not by the server.
 */
export async function verifyInBrowser(receipt: AdminReceipt): Promise<VerifyLine[]> {
  const [proof, jwks, vkey, latest] = await Promise.all([
    getReceiptProof(receipt.id),
    getJwks(receipt.siteKey),
    getLogVkey(receipt.siteKey),
    getLogCheckpoint(receipt.siteKey),
  ]);
  const { proof: signed, ...fields } = withProof(receipt);
  const file = { receipt: { ...fields, proof: signed }, jwks, log: proof };
  const report = await verifyReceiptFile(file, { vkey });
  const lines = report.checks.map((c) => ({ ...c, label: LABELS[c.check] }));
  if (!proof.witnesses?.length) {
    lines.push({
      check: "cosignature",
      label: "Cosignature",
      ok: true,
      detail: "no witness has cosigned this checkpoint yet (none to check)",
    });
  }
  return [...lines, await latestCheck(latest, vkey, proof.checkpoint)];
}

type State =
  | { state: "checking" }
  | { state: "done"; lines: VerifyLine[] }
  | { state: "pending"; message: string }
  | { state: "error"; message: string };

/** The receipt detail's "Verify" section: each check with pass or fail, and why. */
export function LogVerification({ receipt }: { receipt: AdminReceipt }) {
  const [run, setRun] = useState(0);
  const [state, setState] = useState<State>({ state: "checking" });

  useEffect(() => {
    let live = true;
    setState({ state: "checking" });
    verifyInBrowser(receipt).then(
      (lines) => live && setState({ state: "done", lines }),
      (error: unknown) => {
        if (!live) return;
        if (error instanceof ApiRequestError && error.code === "NOT_YET_LOGGED") {
          setState({ state: "pending", message: error.message });
        } else setState({ state: "error", message: userMessage(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [receipt, run]);

  const passed = state.state === "done" && state.lines.every((l) => l.ok);
  return (
    <section class="log-verify" aria-labelledby="log-verify-heading">
      <h3 id="log-verify-heading">Verify</h3>
      <p class="hint">
        Checked in this browser against the site's transparency log: the receipt's signature, its
        entry, the signed checkpoint, the inclusion proof and any witnesses' cosignatures.
      </p>
      {state.state === "checking" && <p role="status">Verifying…</p>}
      {state.state === "pending" && (
        <p role="status">
          Not in the log yet: {state.message}{" "}
          <button class="button" type="button" onClick={() => setRun(run + 1)}>
            Check again
          </button>
        </p>
      )}
      {state.state === "error" && (
        <p class="verify-failed" role="alert">
          The log could not be checked: {state.message}
        </p>
      )}
      {state.state === "done" && (
        <>
          <p role="status" class={passed ? "verify-passed" : "verify-failed"}>
            <strong>{passed ? "Every check passed" : "A check failed"}</strong>
          </p>
          <ul class="verify-checks">
            {state.lines.map((line, i) => (
              <li
                key={`${line.check}-${i}`}
                data-check={line.check}
                class={line.ok ? "pass" : "fail"}
              >
                <strong>
                  {line.label}: {line.ok ? "Pass" : "Fail"}
                </strong>{" "}
                — {line.detail}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
