import type { AdminReceipt, ConfigVersion } from "@assent/core";
import { getConfigVersion } from "../api";
import { LoadState, useLoad } from "../ui";
import { categoryLabel } from "./category-columns";
import { formatServerTime } from "./receipt-format";

/** The texts a visitor in `language` saw: the site's overrides for the base language, then the tag. */
export function textsShown(version: ConfigVersion, language: string): Array<[string, string]> {
  const tag = language.toLowerCase();
  const base = tag.split("-")[0] ?? tag;
  const texts = { ...version.config.texts[base], ...version.config.texts[tag] };
  return Object.entries(texts).sort(([a], [b]) => (a < b ? -1 : 1));
}

/** The exact published configuration a receipt names by hash, and the texts it showed. */
export function ConfigShown({ receipt }: { receipt: AdminReceipt }) {
  const version = useLoad(
    () => getConfigVersion(receipt.siteKey, receipt.configHash),
    receipt.configHash,
  );
  if (!version.data) return <LoadState loaded={version} what="the configuration shown" />;
  const v = version.data;
  const texts = textsShown(v, receipt.language);
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
      {texts.length === 0 ? (
        <p>The banner's standard texts for this language (the site overrode none).</p>
      ) : (
        <dl class="texts-shown">
          {texts.map(([key, text]) => (
            <div key={key}>
              <dt>{key}</dt>
              <dd>{text}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
