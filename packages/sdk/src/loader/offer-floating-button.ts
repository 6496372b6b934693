import type { RuleTextKey } from "@assent/core";
import { mountFloatingButton } from "../ui/floating-button";
import { floatingButtonLabel } from "../ui/lang/outside";
import type { Session } from "./session";

/** What the floating button reads of the page's session. */
export type ButtonHost = Pick<Session, "config" | "rule" | "language" | "nonce">;

/** Set at build time: the hash every language chunk's name carries (`build/chunk-names.ts`). */
declare const __ASSENT_LANG_HASH__: string;

/**
 * The floating button module's entry (`dist/floating-button-HASH.js`): offers the way back to the
 * preference centre (`open`), labelled in the page's language with the site's own text, else
 * the built-in one in that language (`floatingButtonLabel`). Under an opt-out rule it is the
 * "Your Privacy Choices" link, with its icon: the rule's wording, the site's, else the built-in
 * one in the page's language, from the opt-out's texts beside the language chunks
 * (`lang/es-opt-out-HASH.js`, fetched only by such visitors); in English, or when they cannot be
 * loaded, the loader's (`rule.fallback`), as the preference centre then is. `load` imports that
 * file (the browser's `import()`; a test may hand in its own). Left out where the site turned it
 * off (`ui.floatingButton: false`) and the page shows its own visible `data-assent-open`.
 * @example offerFloatingButton(session, () => window.assent?.show());
 */
export async function offerFloatingButton(
  { config, rule, language, nonce }: ButtonHost,
  open: () => void,
  mount = mountFloatingButton,
  load = (url: string): Promise<unknown> => import(/* @vite-ignore */ url),
): Promise<void> {
  const own = config.texts[language];
  const optOut = rule?.model === "opt-out";
  const label = optOut
    ? (rule.texts?.[language]?.privacyChoices ??
      own?.privacyChoices ??
      // English (core's DEFAULT_LANGUAGE) came with the loader. The file is `languageFile`'s,
      // written out and resolved by `import()` against this module, beside the UI chunk:
      // importing `languageFile` would split a chunk shared with the UI chunk, one more
      // request on every first visit (a check holds the two names equal).
      (language !== "en" &&
        (await load(`./lang/${language}-opt-out-${__ASSENT_LANG_HASH__}.js`).then(
          (texts) => (texts as { default: Record<RuleTextKey, string> }).default.privacyChoices,
          (err) => console.warn("[assent]", err),
        ))))
    : floatingButtonLabel(language, own?.floatingButton);
  mount(
    label || rule?.fallback?.privacyChoices,
    open,
    nonce,
    !config.ui?.floatingButton,
    optOut,
    // The label's language: the page's, or English where it fell back to English.
    label ? language : "en",
  );
}
