import type { ChangeDetail } from "../contract";
import { pushData } from "./consent-mode";

/** Tells the page about a change: `assent:change`, `assent_update` on `dataLayer`, listeners. */
export function announce(detail: ChangeDetail, listeners: Iterable<(d: ChangeDetail) => void>) {
  dispatchEvent(new CustomEvent("assent:change", { detail }));
  pushData({
    event: "assent_update",
    assent: { method: detail.method, ...detail.decision.categories },
  });
  for (const fn of listeners) fn(detail);
}
