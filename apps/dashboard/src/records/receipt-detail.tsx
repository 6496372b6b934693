import type { AdminReceipt } from "@assent/core";
import { useEffect, useRef } from "preact/hooks";
import { categoryLabel } from "./category-columns";
import { ConfigShown } from "./config-shown";
import { LogVerification } from "./log-verification";
import { formatServerTime, methodLabel } from "./receipt-format";
import { SignatureCheck } from "./signature-check";

export interface ReceiptDetailProps {
  receipt: AdminReceipt;
  onClose: () => void;
}

const show = (value: string | null | undefined) => (value ? value : "—");

/** Every field of one receipt, the configuration and texts shown, and the signature check. */
export function ReceiptDetail({ receipt, onClose }: ReceiptDetailProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const fields: Array<[string, string]> = [
    ["Receipt id", receipt.id],
    ["Server time", `${formatServerTime(receipt.serverTime)} (${receipt.serverTime})`],
    ["Subject id", receipt.erasedAt ? "Erased" : receipt.subjectId],
    ["Method", methodLabel(receipt.method)],
    ["Policy version", receipt.policyVersion],
    ["Config hash", receipt.configHash],
    ["Language", receipt.language],
    ["GPC (browser API)", receipt.gpc ? "Yes" : "No"],
    ["Sec-GPC header", receipt.gpcHeader ? "Yes" : "No"],
    ["Jurisdiction", show(receipt.jurisdiction)],
    ["Subdivision", show(receipt.subdivision)],
    ["Rule applied", show(receipt.ruleId)],
    ["Config version", show(receipt.configVersion?.toString())],
    ["Standard wording", receipt.wording ?? "— (recorded before receipts named it)"],
    ["Page path", show(receipt.pagePath)],
    ["IP (truncated)", show(receipt.ip)],
    ["User agent", show(receipt.userAgent)],
    ["Previous receipt", show(receipt.previousId)],
    ["Digest", show(receipt.digest)],
    ["Signature", show(receipt.signature)],
    ["Key id", show(receipt.keyId)],
    ["Erased", receipt.erasedAt ? formatServerTime(receipt.erasedAt) : "No"],
  ];
  const decisions = [
    ...Object.entries(receipt.decision.categories).map(
      ([id, on]) => [categoryLabel(id), on] as const,
    ),
    ...Object.entries(receipt.decision.services).map(([id, on]) => [`Service: ${id}`, on] as const),
  ];
  return (
    <section class="receipt-detail" aria-labelledby="receipt-detail-heading">
      <button class="button" type="button" onClick={onClose}>
        Back to records
      </button>
      <h2 id="receipt-detail-heading" ref={heading} tabindex={-1}>
        Receipt {receipt.id}
      </h2>
      <SignatureCheck receipt={receipt} />
      <dl class="fields">
        {fields.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h3>Decision</h3>
      <ul class="decisions">
        {decisions.map(([name, on]) => (
          <li key={name}>
            {name}:{" "}
            <span class={`decision ${on ? "granted" : "denied"}`}>{on ? "Granted" : "Denied"}</span>
          </li>
        ))}
      </ul>
      <LogVerification receipt={receipt} />
      <h3>What the visitor was shown</h3>
      <ConfigShown receipt={receipt} />
    </section>
  );
}
