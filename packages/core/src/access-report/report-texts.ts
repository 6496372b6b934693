/**
 * The access report's wording, in English: one dictionary of keyed templates (`{name}` is filled
 * in), so that another language is another dictionary of the same keys. Counted phrases have a
 * key per plural category (`.one`, `.other`; `Intl.PluralRules` picks).
 */
export const ACCESS_REPORT_TEXTS = {
  title: "Your consent records",
  intro:
    "This answers a request to see what is held about you (UK GDPR and GDPR Article 15; the right to know under US state laws such as the CCPA). It covers consent ID {subjectId}, the random ID a site's cookie banner gave your browser, on every site checked: each choice you made, what it decided, what is kept with it, who may receive data about you, how long records are kept and why, and what you can do.",
  generated: "Report made on {date}.",
  "summary.held.one": "One record about this consent ID is held, on {sites}.",
  "summary.held.other": "{count} records about this consent ID are held, on {sites}.",
  "summary.nothing":
    "Nothing is held about this consent ID on the {checked} checked: no record of a choice carries it.",
  "summary.erased": "Records erased earlier are no longer linked to it: see the erasures below.",
  "sites.one": "one site",
  "sites.other": "{count} sites",
  "site.held.one": "One record of your choices is held, made on {first}.",
  "site.held.other": "{count} records of your choices are held, made from {first} to {last}.",
  "site.cut":
    "Only the first {listed} are listed below: ask {name} for the rest, which it keeps under the same consent ID.",
  "site.latest": "Your latest choice: {how}.",
  "site.nothing": "Nothing is held about this consent ID on {name}.",
  "site.erased": "Nothing is held about this consent ID on {name} any more: it was erased.",
  "method.accept-all": "You accepted all.",
  "method.reject-all": "You refused all.",
  "method.custom": "You made your own choice in the preferences.",
  "method.withdraw": "You withdrew your consent.",
  "method.gpc": "Your browser's Global Privacy Control signal decided for you.",
  "method.api": "The site recorded a choice through its own controls.",
  "method.object": "You objected to what ran before you chose.",
  "method.opt-out": "You opted out of the sale or sharing of your data.",
  "how.accept-all": "accepted all",
  "how.reject-all": "refused all",
  "how.custom": "made your own choice",
  "how.withdraw": "withdrew",
  "how.gpc": "Global Privacy Control",
  "how.api": "set by the site",
  "how.object": "objected",
  "how.opt-out": "opted out of sale or sharing",
  "record.summary": "{date}: {method}",
  "record.allowed": "Allowed: {list}.",
  "record.refused": "Refused: {list}.",
  "record.servicesAllowed": "Services allowed: {list}.",
  "record.servicesRefused": "Services refused: {list}.",
  "record.service": "{name} by {provider}",
  "record.deletion": "Kept until {date}, then deleted.",
  "list.none": "none",
  "detail.id": "Record ID",
  "detail.policyVersion": "Policy version",
  "detail.configVersion": "Banner configuration version",
  "detail.language": "Language",
  "detail.pagePath": "Page",
  "detail.ip": "IP address (shortened)",
  "detail.userAgent": "Browser (user agent)",
  "detail.jurisdiction": "Country or region (from your network address)",
  "detail.gpc": "Global Privacy Control",
  "detail.gpc.sent": "sent by your browser",
  "detail.gpc.notSent": "not sent",
  "detail.notRecorded": "not recorded",
  "detail.ipNotStored": "not stored: this site keeps no IP addresses",
  "data.consentId": "your consent ID, a random identifier the banner stored in your browser",
  "data.time": "when each choice reached the site, by the site's clock",
  "data.choices": "each choice: the categories and services you allowed or refused, and how",
  "data.versions": "the policy and banner versions you were shown, and their language",
  "data.pagePath": "the page you were on (its path, without any query)",
  "data.ip": "a shortened IP address (the last part removed)",
  "data.userAgent": "your browser's user agent (its name, version and system)",
  "data.jurisdiction": "the country or region worked out from your network address",
  "data.gpc": "whether your browser sent Global Privacy Control",
  "storage.truncate":
    "With each record this site keeps a shortened IP address: the last part is removed, so it points to a network, not to a device.",
  "storage.none": "This site keeps no IP address with its records.",
  "purpose.none": "The site gives no description.",
  "recipients.records":
    "The consent records themselves are kept by {name} on its consent service. The public log that proves them holds only a fingerprint (hash) of each record, with no personal data.",
  "recipient.hosts": "Its code and content load from, and send data to: {hosts}.",
  "recipient.own":
    "{provider} also uses what it collects for its own purposes; its privacy policy says how.",
  "recipient.processor": "{provider} handles what it collects for the site only.",
  "recipient.signals":
    "{provider} handles what it collects for the site, and may use it for its own purposes while Google Signals or advertising features are on.",
  "recipient.latest.allowed": "{name}: allowed in your latest choice.",
  "recipient.latest.refused": "{name}: refused in your latest choice.",
  "recipient.latest.refusedAfter":
    "{name}: refused in your latest choice, allowed in an earlier one.",
  "recipient.latest.not-asked": "{name}: not asked about in your latest choice.",
  "retention.kept": "Each record is kept for {duration} after it was made, then deleted.",
  "retention.scheduled": "From {date}, records will be kept for {duration}.",
  "retention.why":
    "Records are kept as proof of your choices: the site must be able to show that you consented, and that your refusals and withdrawals were respected (UK GDPR and GDPR Article 7(1)). A record is never deleted while the choice it proves may still be in force.",
  "days.one": "one day",
  "days.other": "{count} days",
  "days.years.one": "{days} (one year)",
  "days.years.other": "{days} ({count} years)",
  "erasure.one":
    "On {date} the personal details of one record were erased at a request to erase (audit entry #{auditId}).",
  "erasure.other":
    "On {date} the personal details of {count} records were erased at a request to erase (audit entry #{auditId}).",
  "erasure.unknown":
    "On {date} the personal details of this consent ID's records were erased at a request to erase (audit entry #{auditId}).",
  "erasure.note":
    "An erased record keeps only its decision, its time and the site's signature, as proof that a choice was made. It no longer holds the consent ID, IP address, user agent or page, so it is no longer linked to you.",
  "withdraw.everyPage":
    "To withdraw or change your consent on {name}, open its cookie settings with the cookie button on every page and refuse what you allowed, or choose to reject all. It takes effect at once and is as easy as consenting; it does not undo what was done before.",
  "withdraw.linkOrButton":
    "To withdraw or change your consent on {name}, open its cookie settings (its cookie settings link, or the cookie button on pages without one) and refuse what you allowed, or choose to reject all. It takes effect at once and is as easy as consenting; it does not undo what was done before.",
  "right.access": "See what is held",
  "right.access.text":
    "This report is that answer. You can ask again at any time, quoting your consent ID: each site's cookie settings show it.",
  "right.withdraw": "Withdraw consent",
  "right.withdraw.text":
    "You can withdraw at any time, on each site, as described above. A withdrawal is a new record; earlier records stay as proof of what was decided then.",
  "right.rectification": "Have it corrected",
  "right.rectification.text":
    "A record proves a choice made at one moment, so it is not edited: to change your choice, make a new one in the site's cookie settings and it is recorded. If a record is wrong, tell the organisation.",
  "right.erasure": "Have it erased",
  "right.erasure.text":
    "You can ask the organisation to erase your records, quoting your consent ID. Your consent ID, IP address, user agent and page are then deleted from every record; what remains proves only that a choice was made, and is no longer linked to you.",
  "right.object": "Object, or opt out of sale and sharing",
  "right.object.text":
    "You can object to any use that relies on your consent by refusing it in the cookie settings. Under US state laws you can opt out of the sale or sharing of your data by refusing all, or by turning on Global Privacy Control in your browser. For anything else, write to the organisation: its privacy policy gives the contact.",
  "right.complain": "Complain",
  "right.complain.text":
    "You can complain to a data protection authority: in the UK the Information Commissioner's Office (ico.org.uk); in the EU or EEA the authority of the country where you live or work; in California the California Privacy Protection Agency (cppa.ca.gov).",
  source:
    "All of this came from your own browser: a site's cookie banner sent a record each time you made a choice. The site's consent service added the time, and, where listed with a record, the shortened IP address and user agent it received and the country worked out from your network address. Nothing was obtained from anyone else.",
  "heading.summary": "Summary",
  "heading.data": "What is held",
  "heading.records": "Your choices, oldest first",
  "heading.purposes": "What each category and service is for",
  "heading.recipients": "Who may receive data",
  "heading.retention": "How long records are kept, and why",
  "heading.erasures": "Erasures already made",
  "heading.withdraw": "Withdrawing consent",
  "heading.policy": "Privacy policy",
  "heading.rights": "Your rights",
  "heading.source": "Where the data comes from",
  "label.services": "Services",
  "label.provider": "Provider",
  "otherSites.none": "No other site checked holds anything about this consent ID.",
} as const;

/** The key of an access report text. */
export type AccessReportTextKey = keyof typeof ACCESS_REPORT_TEXTS;

/** A dictionary of the report's texts, in one language. */
export interface AccessReportTexts {
  language: string;
  texts: Readonly<Record<AccessReportTextKey, string>>;
}

/** The English dictionary. */
export const ENGLISH_ACCESS_REPORT: AccessReportTexts = {
  language: "en",
  texts: ACCESS_REPORT_TEXTS,
};

/** Values a template is filled with. */
export type TextValues = Record<string, string | number>;

/**
 * A text of the dictionary with its `{placeholders}` filled.
 * @example reportText(ENGLISH_ACCESS_REPORT, "days.other", { count: 30 }) // "30 days"
 */
export function reportText(
  dictionary: AccessReportTexts,
  key: AccessReportTextKey,
  values: TextValues = {},
): string {
  return dictionary.texts[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/**
 * A counted text: `key.one`, `key.other`, ... as the dictionary's language counts `count`.
 * @example countedText(ENGLISH_ACCESS_REPORT, "days", 1) // "one day"
 */
export function countedText(
  dictionary: AccessReportTexts,
  key: string,
  count: number,
  values: TextValues = {},
): string {
  const category = new Intl.PluralRules(dictionary.language).select(count);
  const chosen = `${key}.${category}` in dictionary.texts ? `${key}.${category}` : `${key}.other`;
  return reportText(dictionary, chosen as AccessReportTextKey, { count, ...values });
}

/**
 * An instant as the report writes it: the date and time in UTC, the same in every language.
 * @example reportInstant("2026-01-31T12:00:05.123Z") // "2026-01-31 12:00:05 UTC"
 */
export function reportInstant(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}
