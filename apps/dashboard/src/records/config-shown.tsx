import type { AdminReceipt } from "@assent/core";
import { getConfigVersion } from "../api";
import { LoadState, useLoad } from "../ui";
import { categoryLabel } from "./category-columns";
import { formatServerTime } from "./receipt-format";
import { TextsSeen } from "./texts-seen";

/**
 * The exact published configuration a receipt names by hash, and the texts it showed: the
 * standard wording the receipt names, with the site's own texts over it.
 */
export function ConfigShown({ receipt }: { receipt: AdminReceipt }) {
  const version = useLoad(
    () => getConfigVersion(receipt.siteKey, receipt.configHash),
    receipt.configHash,
  );
  if (!version.data) return <LoadState loaded={version} what="the configuration shown" />;
  const v = version.data;
  return (
    <div class="config-shown">
      <p>
        Configuration version <strong data-testid="config-version">{v.version}</strong>, policy
        version {v.config.policyVersion}, published {formatServerTime(v.publishedAt)}
        {v.publishedBy ? ` by ${v.publishedBy}` : ""}.
      </p>
      <p>
        Categories offered: {v.config.categories.map((c) => categoryLabel(c.id)).join(", ")}.
        Services offered:{" "}
        {v.config.services.length ? v.config.services.map((s) => s.id).join(", ") : "none"}.
      </p>
      {v.config.privacyPolicyUrl && <p>Privacy policy linked: {v.config.privacyPolicyUrl}</p>}
      <h4>Texts shown ({receipt.language})</h4>
      <TextsSeen receipt={receipt} version={v} />
    </div>
  );
}
