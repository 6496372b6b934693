import type { SiteService } from "@assent/core";
import { type Allows, cat, svc } from "./gate-scripts";

/** Gated iframes: `data-src` and a category and/or a service. */
export const GATED_FRAME = "iframe[data-src]:is([data-category],[data-service])";

/** What the embed gate needs from the controller. */
export interface EmbedGate {
  allows: Allows;
  /** The site's services, then the catalogue's. */
  services: readonly SiteService[];
  /** A placeholder text, in the page's language where the site gave one. */
  text(key: string): string;
  /** Records "always allow" for a service, or `undefined` when the site does not list it. */
  alwaysAllow(id: string): (() => void) | undefined;
}

/** The placeholders' English texts; a site overrides them per language in `texts`. */
export const EMBED_TEXTS: Record<string, string> = {
  "embed.loadOnce": "Load this once",
  "embed.alwaysAllow": "Always allow {service}",
  privacyPolicy: "Privacy policy",
};

const escapeHtml = (text = "") => text.replace(/[<&"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Loads one gated iframe: `data-src` (rewritten if need be) becomes its `src`. */
export function loadEmbed(frame: HTMLIFrameElement, service?: SiteService): void {
  let src = frame.getAttribute("data-src") as string;
  const embed = service?.embed;
  if (embed && src.startsWith(embed.from)) src = embed.to + src.slice(embed.from.length);
  // Without `data-src` it is no longer gated.
  frame.removeAttribute("data-src");
  frame.removeAttribute("srcdoc");
  frame.src = src;
}

/**
 * Shows the placeholder inside the iframe itself (`srcdoc`, same origin as the page), so it has
 * exactly the iframe's box, responsive or not, and nothing moves when the content loads.
 */
function placehold(frame: HTMLIFrameElement, gate: EmbedGate, service?: SiteService): void {
  const name = service?.name ?? (frame.getAttribute("data-src") as string).split("/")[2];
  const policy = service?.privacyPolicyUrl;
  const allow = service && gate.alwaysAllow(service.id);
  const [policyText, onceText, alwaysText] = [
    "privacyPolicy",
    "embed.loadOnce",
    "embed.alwaysAllow",
  ].map((key) => escapeHtml(gate.text(key).replace("{service}", name ?? "")));
  frame.srcdoc = `<body style="font:14px sans-serif;text-align:center;background:#eee"><p><b>${escapeHtml(name)}</b> ${escapeHtml(service?.purpose)} ${policy ? `<a target=_blank href="${escapeHtml(policy)}">${policyText}</a>` : ""}<p><button>${onceText}</button> ${allow ? `<button>${alwaysText}</button>` : ""}`;
  frame.onload = () => {
    const [once, always] = frame.contentDocument?.querySelectorAll("button") ?? [];
    if (once) once.onclick = () => loadEmbed(frame, service);
    if (always) always.onclick = allow ?? null;
  };
}

/**
 * Gates iframes marked with `data-src` and `data-category`/`data-service`: an allowed one is
 * loaded; any other gets a placeholder of the same box size that names the service, its purpose
 * and privacy policy, with "Load this once" and "Always allow". Until it is loaded an iframe has
 * no `src`, so nothing at all is requested from its host.
 */
export function gateEmbeds(gate: EmbedGate): void {
  for (const frame of document.querySelectorAll<HTMLIFrameElement>(GATED_FRAME)) {
    const id = svc(frame);
    const service = gate.services.find((s) => s.id === id);
    if (gate.allows(cat(frame), id)) loadEmbed(frame, service);
    else if (!frame.srcdoc) placehold(frame, gate, service);
  }
}
