import type { flush } from "../transport/outbox";
import type { clearServices, follow } from "./choice";
import type { placehold } from "./embed-placeholder";
import type { offerFloatingButton } from "./offer-floating-button";
import { report } from "./page";

/** Imports a module by its absolute URL. */
export type ImportModule = (url: string) => Promise<unknown>;

/** The browser's own dynamic `import()`. */
export const importModule: ImportModule = (url) => import(/* @vite-ignore */ url);

/** The entry point of each on-demand module, by name. */
interface Entries {
  clearServices: typeof clearServices;
  flush: typeof flush;
  follow: typeof follow;
  offerFloatingButton: typeof offerFloatingButton;
  placehold: typeof placehold;
}

/**
 * Imports the SDK's small on-demand modules (`chunks.ts`), which sit beside the UI chunk (`base`,
 * on the consent host, never the page), and calls an entry point of one. A failure is reported in
 * the console when an entry was to be called, and ignored for a mere prefetch; never thrown.
 * @example
 * const chunk = onDemand(importModule, boot.ui);
 * chunk(OUTBOX, "flush", boot.api); // sends what waits in the outbox
 * chunk(languageFile("de")); // prefetches a language
 */
export const onDemand =
  (load: ImportModule, base: string): OnDemand =>
  (file: string, entry?: keyof Entries, ...args: unknown[]) =>
    void load(new URL(file, base).href)
      .then((mod) => {
        if (entry) (mod as Record<string, (...a: unknown[]) => unknown>)[entry]?.(...args);
      })
      .catch((err) => entry && report(err));

/** Prefetches an on-demand module, or imports it and calls one of its entry points. */
export interface OnDemand {
  (file: string): void;
  <K extends keyof Entries>(file: string, entry: K, ...args: Parameters<Entries[K]>): void;
}
