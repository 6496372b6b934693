// The content-hashed files of the modules the loader imports on demand. They sit beside the UI
// chunk, so each is resolved against `boot.ui` (the consent host), never against the page. Set
// at build time from the other builds' manifests (see `build/chunk-names.ts`); the languages'
// files come from `languageFile`.
declare const __ASSENT_CHUNKS__: {
  outbox: string;
  embedPlaceholder: string;
  floatingButton: string;
  choice: string;
};

/** The outbox module, `outbox-HASH.js`. */
export const OUTBOX = __ASSENT_CHUNKS__.outbox;
/** The embed placeholder module, `embed-placeholder-HASH.js`. */
export const EMBED_PLACEHOLDER = __ASSENT_CHUNKS__.embedPlaceholder;
/** The floating button module, `floating-button-HASH.js`. */
export const FLOATING_BUTTON = __ASSENT_CHUNKS__.floatingButton;
/** The choice module, `choice-HASH.js` (what only a choice needs). */
export const CHOICE = __ASSENT_CHUNKS__.choice;
