import type { ConsentMethod } from "@assent/core";

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

/** The server time in the reader's locale and time zone; the ISO string if it cannot be read. */
export function formatServerTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

const METHOD_LABELS: Record<ConsentMethod, string> = {
  "accept-all": "Accept all",
  "reject-all": "Reject all",
  custom: "Custom choice",
  withdraw: "Withdrawal",
  gpc: "GPC signal",
  api: "Site API",
  object: "Objection",
  "opt-out": "Opt-out of sale or sharing",
};

/** How the decision was made, in words. Unknown methods are shown as sent. */
export function methodLabel(method: string): string {
  return METHOD_LABELS[method as ConsentMethod] ?? method;
}
