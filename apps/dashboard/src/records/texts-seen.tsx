import { type AdminReceipt, type ConfigVersion, MODEL_TEXT_KEYS, RULE_MODELS } from "@assent/core";
import { getWording } from "../api";
import { LoadState, useLoad } from "../ui";

/** One text a visitor was shown: the site's own, or the SDK's standard one. */
export interface SeenText {
  key: string;
  text: string;
  from: "site" | "standard";
}

/** The keys of the texts only a rule's model shows (the UK objection's, the US opt-out's). */
const RULE_TEXT_KEYS = new Set<string>(RULE_MODELS.flatMap((model) => MODEL_TEXT_KEYS[model]));

/**
 * The site's own texts a visitor in `language` saw, as the banner looks them up: the site's for
 * the base language, then for the tag, then those of the rule that applied (`ruleId`) over them.
 * A blank text is none (the banner shows the standard one).
 */
export function siteTexts(
  version: ConfigVersion,
  receipt: Pick<AdminReceipt, "language" | "ruleId">,
): Record<string, string> {
  const tag = receipt.language.toLowerCase();
  const base = tag.split("-")[0] ?? tag;
  const rule = version.config.jurisdictions?.rules.find((r) => r.id === receipt.ruleId);
  const texts = {
    ...version.config.texts[base],
    ...version.config.texts[tag],
    ...rule?.texts?.[base],
    ...rule?.texts?.[tag],
  };
  return Object.fromEntries(Object.entries(texts).filter(([, text]) => text.trim()));
}

/**
 * Every text a visitor in the receipt's language saw: the standard wording's for that language
 * (a rule's texts only where the receipt's rule shows them), in the banner's order, with the
 * site's own over them, then the site's texts for keys of its own (a custom category's label).
 */
export function textsSeen(
  standard: Readonly<Record<string, string>>,
  version: ConfigVersion,
  receipt: Pick<AdminReceipt, "language" | "ruleId">,
): SeenText[] {
  const site = siteTexts(version, receipt);
  const model = version.config.jurisdictions?.rules.find((r) => r.id === receipt.ruleId)?.model;
  const shown = new Set<string>(model ? MODEL_TEXT_KEYS[model] : []);
  const seen: SeenText[] = Object.entries(standard)
    .filter(([key]) => !RULE_TEXT_KEYS.has(key) || shown.has(key))
    .map(([key, text]) =>
      site[key] !== undefined
        ? { key, text: site[key], from: "site" }
        : { key, text, from: "standard" },
    );
  const own = Object.keys(site)
    .filter((key) => !(key in standard))
    .sort();
  return [...seen, ...own.map((key) => ({ key, text: site[key] ?? "", from: "site" as const }))];
}

/** The texts as a list, the site's own marked. */
function TextList({ texts }: { texts: SeenText[] }) {
  return (
    <dl class="texts-shown">
      {texts.map(({ key, text, from }) => (
        <div key={key} data-text-from={from}>
          <dt>{key}</dt>
          <dd>
            {text}
            {from === "site" && <span class="text-from"> (the site's own)</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The texts a receipt's visitor saw, once the wording it names is loaded. */
function WithWording(props: { receipt: AdminReceipt; version: ConfigVersion; wording: string }) {
  const { receipt, version, wording } = props;
  const loaded = useLoad(() => getWording(receipt.siteKey, wording), wording);
  if (loaded.data === undefined)
    return <LoadState loaded={loaded} what="the standard wording shown" />;
  const base = receipt.language.toLowerCase().split("-")[0] ?? "";
  const standard = loaded.data?.languages[base];
  if (!standard) {
    return (
      <>
        <p data-testid="wording-missing">
          {loaded.data
            ? `The standard wording ${wording} has no texts in ${base}.`
            : `The standard wording ${wording} this receipt names is not on record on this server.`}{" "}
          Only the site's own texts are listed.
        </p>
        <TextList texts={textsSeen({}, version, receipt)} />
      </>
    );
  }
  return (
    <>
      <p>
        Assent's standard wording <strong data-testid="wording">{wording}</strong> in {base}, with
        the site's own texts over it (marked).
      </p>
      <TextList texts={textsSeen(standard, version, receipt)} />
    </>
  );
}

/**
 * What the receipt's visitor read: the standard wording it names with the site's texts over it,
 * or, for a receipt from before receipts named their wording, the site's texts alone.
 */
export function TextsSeen({ receipt, version }: { receipt: AdminReceipt; version: ConfigVersion }) {
  if (receipt.wording)
    return <WithWording receipt={receipt} version={version} wording={receipt.wording} />;
  const own = textsSeen({}, version, receipt);
  return (
    <>
      <p data-testid="wording-unpinned">
        This receipt was recorded before Assent pinned its standard wording: the banner's standard
        texts it showed are not on record.{" "}
        {own.length ? "The site's own texts were:" : "The site overrode none of them."}
      </p>
      {own.length > 0 && <TextList texts={own} />}
    </>
  );
}
