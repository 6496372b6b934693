import { render } from "preact";
import { downloadReceiptFile, receiptFile } from "../transport/receipt-file";
import { receiptHistory } from "../transport/receipt-history";

export { publishedConfig } from "../transport/published-config";

import { Preferences, type PreferencesProps } from "./preferences";
import { adoptStyles, PREFERENCES_CSS } from "./styles";

/**
 * What the first layer hands the preference centre (the visitor's history, and each receipt's
 * proof from `api`, are read here).
 */
export type PreferenceCentreProps = Omit<PreferencesProps, "loadHistory" | "downloadProof"> & {
  /** Origin of the Assent API. */
  api: string;
};

const styled = new WeakSet<Node>();

/**
 * The preference centre's chunk (`preferences-HASH.js`, Preact inside): fetched by the first layer
 * when the browser is idle after the banner has painted, or as soon as the visitor points at or
 * tabs to "Manage preferences", never awaited by the banner. Renders the centre into `container`
 * (inside the UI's shadow root, whose stylesheet gains the centre's own rules).
 * @example openPreferences(container, { config, t, language: "en", initial: null, ...on });
 */
export function openPreferences(
  container: HTMLElement,
  props: PreferenceCentreProps,
  nonce?: string,
): void {
  const root = container.getRootNode();
  if (root instanceof ShadowRoot && !styled.has(root)) {
    adoptStyles(root, PREFERENCES_CSS, nonce);
    styled.add(root);
  }
  const { api, ...rest } = props;
  const subject = props.consentId;
  const downloadProof = async (id: string) => {
    if (!subject) return false;
    const file = await receiptFile(api, props.config.siteKey, id, subject);
    if (file === "pending") return false;
    downloadReceiptFile(file, id);
    return true;
  };
  render(
    <Preferences {...rest} loadHistory={receiptHistory} downloadProof={downloadProof} />,
    container,
  );
}

/** Removes the preference centre from `container`. */
export function closePreferences(container: HTMLElement): void {
  render(null, container);
}
