import { CATALOGUE, type CatalogueEntry } from "../catalogue";
import { NECESSARY } from "../categories";
import { DEFAULT_LANGUAGE } from "../languages";
import { catalogueEntry } from "../services";
import { textSets } from "../text-sets";
import { dictionariesFor } from "./dictionaries";
import { type ComplianceFinding, GUIDANCE } from "./finding";
import { phraseIn, words } from "./label-reading";
import type { LintedConfig } from "./linted-config";
import { mentions, normalize } from "./text-match";

/**
 * The names a catalogue service is known by, as words: its provider ("Meta"), its name and the
 * part of it in brackets ("X (Twitter)": "X", "Twitter"), and its provider's other brands in the
 * catalogue ("Facebook" for Meta's pixel, "YouTube" for Google's). Names shorter than three
 * letters are left out, but for X.
 */
function knownNames(entry: CatalogueEntry): string[][] {
  const sameProvider = CATALOGUE.filter((other) => other.provider === entry.provider);
  return [entry.provider, ...sameProvider.flatMap((other) => other.name.split(/[()]/))]
    .map((name) => words(name))
    .filter((name) => name.join("").length >= 3 || name.join("") === "x");
}

/** One place a service's name, provider or purpose is given: its field or a language's text. */
interface ServiceText {
  service: LintedConfig["services"][number];
  /** `name`, `provider` or `purpose`. */
  what: "name" | "provider" | "purpose";
  raw: string;
  language: string;
  field: string;
}

/** Every name, provider and purpose the preference centre may show for each service, with where it is. */
function serviceTexts(config: LintedConfig): ServiceText[] {
  const out: ServiceText[] = [];
  const language = config.defaultLanguage ?? DEFAULT_LANGUAGE;
  config.services.forEach((service, i) => {
    for (const what of ["name", "provider", "purpose"] as const) {
      const raw = service[what];
      if (raw !== undefined)
        out.push({ service, what, raw, language, field: `services.${i}.${what}` });
    }
  });
  const byId = new Map(config.services.map((s) => [s.id, s]));
  for (const set of textSets(config))
    for (const [language, texts] of Object.entries(set.texts))
      for (const [key, raw] of Object.entries(texts)) {
        const [, id, field] = /^service\.([^.]+)(?:\.(provider|purpose))?$/.exec(key) ?? [];
        const service = id ? byId.get(id) : undefined;
        if (service)
          out.push({
            service,
            what: (field as "provider" | "purpose" | undefined) ?? "name",
            raw,
            language,
            field: `${set.path.join(".")}.${language}.${key}`,
          });
      }
  return out;
}

/**
 * What the preference centre says of each service must be true of it, in its field and in
 * every language's text (`service.ID`, `service.ID.provider`, `service.ID.purpose`):
 *
 * - A catalogue service's provider names the catalogue's (Meta's pixel said to come from "Acme
 *   Analytics": `catalogue-provider-changed`), and its name names the service or its provider
 *   (the pixel called "Site helper": `catalogue-name-changed`). Visitors are told who receives
 *   their data; that is a fact about the service, not the site's to choose. A fuller legal name
 *   ("Meta Platforms Ireland Ltd") or another of the provider's brands ("Facebook Pixel") names
 *   it.
 * - A service a visitor can refuse is not named or described as necessary ("Essential
 *   security", "Required for the site to work"): the visitor would not think to refuse it
 *   (`service-text-claims-necessary`).
 */
export function serviceTextFindings(config: LintedConfig): ComplianceFinding[] {
  const findings: ComplianceFinding[] = [];
  for (const { service, what, raw, language, field } of serviceTexts(config)) {
    const entry = catalogueEntry(service.id);
    if (entry && what !== "purpose" && raw.trim() && !phraseIn(raw, knownNames(entry)))
      findings.push({
        severity: "error",
        rule: what === "provider" ? "catalogue-provider-changed" : "catalogue-name-changed",
        field,
        why:
          what === "provider"
            ? `"${service.id}" comes from ${entry.provider}, not "${raw}": visitors are told who receives their data, so its provider must say so (a fuller legal name is fine).`
            : `"${service.id}" is ${entry.name}, from ${entry.provider}, not "${raw}": visitors must recognise what they allow, so its name must say what it is or who provides it (e.g. "${entry.name}").`,
        guidance: GUIDANCE.edpbTaskforce,
      });
    if (
      service.category !== NECESSARY &&
      what !== "provider" &&
      dictionariesFor(language).some((d) =>
        d.necessaryClaims.some((claim) => mentions(normalize(raw), normalize(claim))),
      )
    )
      findings.push({
        severity: "error",
        rule: "service-text-claims-necessary",
        field,
        why: `"${service.id}" can be refused, but its ${what} "${raw}" says it is necessary: visitors would not think to refuse it.`,
        guidance: GUIDANCE.edpbTaskforce,
      });
  }
  return findings;
}
