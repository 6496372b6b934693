import {
  allowsElement,
  type Choice,
  type ConsentMethod,
  type ConsentRecord,
  type Decision,
  newSubjectId,
  uuidv7,
} from "@assent/core";
import { allowsIn } from "./allows";
import { announce } from "./announce";
import { clearServices } from "./clear-storage";
import { writeRecord } from "./consent-store";
import { decisionFor } from "./decision-for";
import { holdWithdrawn } from "./gate-embeds";
import { type Allows, cat, svc } from "./gate-scripts";
import { writeAhead } from "./receipt";
import type { Session } from "./session";
import { assertChoice } from "./valid-choice";

export { clearServices } from "./clear-storage";

/**
 * Set at build time (`vite.choice.config.ts`): the language set's hash, the one every
 * `lang/LL-HASH.js` of this build carries (`__ASSENT_LANG_HASH__` elsewhere). A receipt names
 * with it the standard wording the visitor was shown (`wording`), which the server keeps.
 */
declare const __ASSENT_WORDING__: string;

/**
 * The choice module (`dist/choice-HASH.js`): what only a choice needs, imported by the loader
 * when one is made (and fetched ahead beside the banner and the preference centre, so a click
 * does not wait for it). Records a choice and applies it: the receipt written ahead (before
 * anything else, so nothing can lose it), the cookie, Consent Mode's `update`, the gates, the
 * withdrawn services' cookies and storage deleted, the page told, the receipt sent, and the page
 * reloaded when a withdrawn service had already run (`reloadOnWithdraw`). What a site passes to
 * `set()` (method `api`) is checked first: a choice it cannot mean throws, and nothing is
 * recorded (`assertChoice`).
 * @example choose(session, "accept-all");
 */
export function choose(s: Session, method: ConsentMethod, choice?: Choice): void {
  const { config, services, gpc, rule } = s;
  if (method === "api") assertChoice(config, choice);
  // Only a site with a category claiming a UK exemption has anything to object to.
  if (method === "object" && !config.categories.some((c) => c.exemption)) return;
  const holding = s.current ?? s.before;
  const ran = allowsIn(config, services, holding);
  const decision = decisionFor(config, method, choice, { gpc, rule, holding });
  const previousId = s.record?.receiptId ?? null;
  const record = {
    policyVersion: config.policyVersion,
    decidedAt: Date.now(),
    subjectId: s.record?.subjectId ?? newSubjectId(),
    receiptId: uuidv7(),
    method,
    decision,
    gpc,
    // Kept on by a UK exemption only, not by consent (see `exemptions`).
    exemptions:
      rule?.model === "uk-exemptions" &&
      method !== "accept-all" &&
      config.categories.some((c) => c.exemption && decision.categories[c.id]),
  };
  const unsaved = writeAhead(
    {
      id: record.receiptId,
      siteKey: config.siteKey,
      subjectId: record.subjectId,
      policyVersion: config.policyVersion,
      configHash: s.configHash,
      language: s.languageShown ?? s.language,
      wording: __ASSENT_WORDING__,
      method,
      decision,
      gpc,
      pagePath: location.pathname.slice(0, 512),
      previousId,
    },
    s.api,
  );
  s.flush(unsaved);
  writeRecord(record, config);
  apply(s, record, decision, ran);
}

/**
 * Brings this page in line with a decision recorded in `record`: Consent Mode's `update`, the
 * gates, the withdrawn services' cookies and storage deleted, the page told, and the page
 * reloaded when a withdrawn service had already run (`reloadOnWithdraw`). `ran` is what the
 * decision before it let run.
 */
function apply(s: Session, record: ConsentRecord, decision: Decision, ran: Allows): void {
  const { config, services } = s;
  s.record = record;
  s.current = decision;
  // A choice made elsewhere (the API, a placeholder, another tab) answers the banner too.
  void s.ui?.then((handle) => handle.close());
  s.update(decision);
  holdWithdrawn(s.allows);
  s.gate();
  // Denied by the decision itself: in advanced Consent Mode Google's tags load whatever it says,
  // but a withdrawal deletes their cookies all the same.
  const withdrawn = clearServices(
    services.filter((x) => !allowsElement(decision, x.category, x.id)),
  )
    .filter((x) => ran(x.category, x.id))
    .map((x) => x.id);
  const { method, receiptId } = record;
  announce({ decision, method, receiptId, withdrawn }, s.listeners);
  s.floatingButton();
  // On unless the site turns it off: a script that already ran cannot be stopped otherwise.
  if (
    config.reloadOnWithdraw !== false &&
    s.ran.some((el) => ran(cat(el), svc(el)) && !s.allows(cat(el), svc(el)))
  )
    location.reload();
}

/**
 * Follows a decision made in another tab or window of this site, which the loader heard in the
 * consent cookie (Cookie Store API) and read (`record`, `decision` reconciled with the config):
 * this page applies it as the page that made it did, without a receipt of its own (that page
 * logged it). A withdrawal there stops what runs here.
 */
export function follow(s: Session, record: ConsentRecord, decision: Decision): void {
  apply(s, record, decision, allowsIn(s.config, s.services, s.current ?? s.before));
}
