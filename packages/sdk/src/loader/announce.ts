import type { ChangeDetail } from "../contract";
import { pushData } from "./consent-mode";

/**
 * Tells the page about a change: `assent:change`, `assent_update` on `dataLayer` (the categories
 * and, under `services`, every service), then the listeners. Each is the page's own code, run on
 * its own: what one throws is reported as the browser reports an uncaught error (`reportError`:
 * the console and the page's `error` event) and stops neither the others nor the choice (the way
 * back, the reload after a withdrawal).
 * @example announce({ decision, method: "api", receiptId, withdrawn: [] }, session.listeners);
 */
export function announce(detail: ChangeDetail, listeners: Iterable<(d: ChangeDetail) => void>) {
  const { categories, services } = detail.decision;
  for (const fn of [
    () => dispatchEvent(new CustomEvent("assent:change", { detail })),
    () =>
      pushData({
        event: "assent_update",
        assent: { method: detail.method, ...categories, services },
      }),
    ...listeners,
  ])
    try {
      fn(detail);
    } catch (err) {
      // Where there is no `reportError` (before Safari 15.4), the console only.
      (self.reportError || console.error)(err);
    }
}
