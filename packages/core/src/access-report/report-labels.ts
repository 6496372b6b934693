import { CATALOGUE_DATA_USE } from "../catalogue";
import { CATALOGUE_HOSTS } from "../catalogue-hosts";
import { catalogueEntry } from "../services";
import { ENGLISH_TEXTS } from "../texts";

/**
 * What of a published configuration the report reads. Stored versions are read as they were
 * published, so every part but the categories and services may be missing from an old one.
 */
export interface ReportConfig {
  categories: ReadonlyArray<{ id: string; required?: boolean | undefined }>;
  services: ReadonlyArray<ReportService>;
  texts?: Readonly<Record<string, Readonly<Record<string, string>>>> | undefined;
  defaultLanguage?: string | undefined;
  privacyPolicyUrl?: string | undefined;
  ui?: { floatingButton?: boolean | undefined } | undefined;
}

/** A service as a configuration lists it (completed from the catalogue when published). */
export interface ReportService {
  id: string;
  category: string;
  name?: string | undefined;
  provider?: string | undefined;
  purpose?: string | undefined;
  hosts?: readonly string[] | undefined;
  privacyPolicyUrl?: string | undefined;
  advertisingFeatures?: boolean | undefined;
}

/** A service as the report names it: the site's words first, then the catalogue's. */
export interface ServiceFacts {
  id: string;
  name: string;
  provider: string | null;
  purpose: string | null;
  hosts: string[];
  privacyPolicyUrl: string | null;
  /** Uses what it collects for its own purposes; `signals` while Google's features may be on. */
  dataUse: "own" | "processor" | "signals" | null;
}

/**
 * A banner text of the configuration, in the report's language: the site's own wording in that
 * language, else the default English wording when the report is English, else the site's wording
 * in its default language.
 */
export function bannerText(
  config: ReportConfig | null,
  language: string,
  key: string,
): string | undefined {
  const own = config?.texts?.[language]?.[key];
  if (own) return own;
  if (language === "en" && key in ENGLISH_TEXTS) {
    return ENGLISH_TEXTS[key as keyof typeof ENGLISH_TEXTS];
  }
  const fallback = config?.defaultLanguage;
  return fallback ? config?.texts?.[fallback]?.[key] : undefined;
}

/** A category's label in the report's language (its id when the site names it nowhere). */
export const categoryLabel = (config: ReportConfig | null, language: string, id: string): string =>
  bannerText(config, language, `category.${id}`) ?? id;

/** A service as the configuration lists it, completed from the catalogue. */
export function serviceFacts(config: ReportConfig | null, id: string): ServiceFacts {
  const own = config?.services.find((s) => s.id === id);
  const known = catalogueEntry(id);
  const use = CATALOGUE_DATA_USE[id];
  const signals = use?.advertisingFeatures && own?.advertisingFeatures !== false;
  return {
    id,
    name: own?.name ?? known?.name ?? id,
    provider: own?.provider ?? known?.provider ?? null,
    purpose: own?.purpose ?? known?.purpose ?? null,
    hosts: [...(own?.hosts ?? CATALOGUE_HOSTS[id] ?? [])],
    privacyPolicyUrl: absoluteUrl(own?.privacyPolicyUrl ?? known?.privacyPolicyUrl, null),
    dataUse: !use ? null : signals ? "signals" : use.ownPurposes ? "own" : "processor",
  };
}

/**
 * A link a configuration gives, made absolute: a path is on the site (`origin`, its first
 * allowed origin), and is dropped when the site has none. Only http(s) URLs come out.
 */
export function absoluteUrl(url: string | undefined, origin: string | null): string | null {
  if (!url) return null;
  if (/^https?:\/\//.test(url)) return url;
  return url.startsWith("/") && !url.startsWith("//") && origin ? `${origin}${url}` : null;
}
