import type { Texts } from "./texts";

/** What the preference centre shows about one service. */
export interface ServiceDetails {
  provider: string;
  purpose: string;
  privacyPolicyUrl: string;
  cookies: Array<{ name: string; lifetime: string }>;
}

/**
 * The details of a service, from the site's texts: `service.ID.provider`, `service.ID.purpose`,
 * `service.ID.privacy` (a URL) and `service.ID.cookies` ("name: lifetime; name: lifetime").
 * This is the one place to merge in defaults from the service catalogue of `@assent/core`;
 * a site's own texts should keep winning over them.
 */
export function serviceDetails(id: string, t: Texts): ServiceDetails {
  const text = (field: string) => t(`service.${id}.${field}`, "");
  const privacy = text("privacy");
  return {
    provider: text("provider"),
    purpose: text("purpose"),
    privacyPolicyUrl: /^(https?:\/\/|\/)/.test(privacy) ? privacy : "",
    cookies: text("cookies")
      .split(";")
      .map((pair) => pair.split(":").map((part) => part.trim()))
      .filter(([name]) => name)
      .map(([name = "", lifetime = ""]) => ({ name, lifetime })),
  };
}
