import type { SiteService } from "@assent/core";
import type { Texts } from "./texts";

/** What the preference centre shows about one service. */
export interface ServiceDetails {
  provider: string;
  purpose: string;
  privacyPolicyUrl: string;
  cookies: Array<{ name: string; lifetime: string }>;
}

/**
 * The details of a service, from what the published config carries (the API completes each
 * service from the catalogue of `@assent/core`; a site's own services describe themselves). The
 * site's texts for the page's language translate the words: `service.ID.provider`,
 * `service.ID.purpose`, `service.ID.privacy` (a URL). Lifetimes are shown in days (`_ga`, `730 d`), where the config has them.
 */
export function serviceDetails(service: SiteService, t: Texts): ServiceDetails {
  const text = (field: string) => t(`service.${service.id}.${field}`, "");
  const privacy = text("privacy") || (service.privacyPolicyUrl ?? "");
  return {
    provider: text("provider") || (service.provider ?? ""),
    purpose: text("purpose") || (service.purpose ?? ""),
    privacyPolicyUrl: /^(https?:\/\/|\/)/.test(privacy) ? privacy : "",
    // By name alone from the loader's inlined config (the published one could not be fetched):
    // it leaves lifetimes out.
    cookies: (service.cookies ?? []).map((c) => ({
      name: c.name,
      lifetime: c.days >= 0 ? `${c.days} d` : "",
    })),
  };
}
