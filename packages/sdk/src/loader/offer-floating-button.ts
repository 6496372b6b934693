import { mountFloatingButton } from "../ui/floating-button";
import { floatingButtonLabel } from "../ui/lang/outside";
import type { Session } from "./session";

/** What the floating button reads of the page's session. */
export type ButtonHost = Pick<Session, "config" | "rule" | "language" | "nonce">;

/**
 * The floating button module's entry (`dist/floating-button-HASH.js`): offers the way back to the
 * preference centre (`open`), labelled in the page's language with the site's own text, else
 * the built-in one in that language (`floatingButtonLabel`). Under an opt-out rule it is the "Your Privacy Choices" link (the
 * rule's wording, the site's, else the English one), with its icon. Left out where the site
 * turned it off (`ui.floatingButton: false`) and the page shows its own visible
 * `data-assent-open`.
 * @example offerFloatingButton(session, () => window.assent?.show());
 */
export function offerFloatingButton(
  { config, rule, language, nonce }: ButtonHost,
  open: () => void,
  mount = mountFloatingButton,
): void {
  const own = config.texts[language];
  const optOut = rule?.model === "opt-out";
  mount(
    optOut
      ? (rule.texts?.[language]?.privacyChoices ??
          own?.privacyChoices ??
          rule.fallback?.privacyChoices)
      : floatingButtonLabel(language, own?.floatingButton),
    open,
    nonce,
    !config.ui?.floatingButton,
    optOut,
  );
}
