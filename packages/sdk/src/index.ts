/**
 * `@assent/sdk`: types for sites that talk to `window.assent` from their own code. The runtime
 * is the loader served by the Assent API at `/s/SITE_KEY.js`; see the README.
 *
 * @example
 * import type { AssentApi } from "@assent/sdk";
 * const assent = window.assent as AssentApi;
 * assent.on("change", ({ decision }) => decision.categories.analytics && startAnalytics());
 */
export type {
  CatalogueEntry,
  Choice,
  ConsentMethod,
  Decision,
  SiteConfig,
  SiteService,
} from "@assent/core";
export type { AssentApi, ChangeDetail } from "./contract";
