import type { SiteService } from "@assent/core";
import { publishedConfig } from "../transport/published-config";
import { type EmbedGate, loadEmbed } from "./gate-embeds";

/** The placeholders' English texts; a site overrides them per language in `texts`. */
export const EMBED_TEXTS: Record<string, string> = {
  "embed.loadOnce": "Load this once",
  "embed.alwaysAllow": "Always allow {service}",
  privacyPolicy: "Privacy policy",
};

const escapeHtml = (text = "") => text.replace(/[<&"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Shows the placeholder inside the iframe itself (`srcdoc`, same origin as the page), so it has
 * exactly the iframe's box, responsive or not, and nothing moves when the content loads. This
 * module is its own small file (`dist/embed-placeholder-HASH.js`), imported by the loader only when a
 * page holds an embed back; until it arrives the iframe is an empty box of the same size. The
 * service's name, purpose and privacy policy come from the whole published config (the loader's
 * inlined one leaves them out), fetched once.
 */
export async function placehold(
  frame: HTMLIFrameElement,
  gate: EmbedGate,
  inlined?: SiteService,
): Promise<void> {
  const config = await publishedConfig(gate.source);
  // Loaded (or released) while this module was on its way: nothing to hold back any more.
  if (!frame.hasAttribute("data-src")) return;
  const service = config.services.find((s) => s.id === inlined?.id) ?? inlined;
  const name = service?.name ?? (frame.getAttribute("data-src") as string).split("/")[2];
  const policy = service?.privacyPolicyUrl;
  const allow = service && gate.alwaysAllow(service.id);
  const [policyText, onceText, alwaysText] = [
    "privacyPolicy",
    "embed.loadOnce",
    "embed.alwaysAllow",
  ].map((key) =>
    escapeHtml((gate.text(key) ?? EMBED_TEXTS[key] ?? "").replace("{service}", name ?? "")),
  );
  frame.srcdoc = `<body style="font:14px sans-serif;text-align:center;background:#eee"><p><b>${escapeHtml(name)}</b> ${escapeHtml(service?.purpose)} ${policy ? `<a target=_blank href="${escapeHtml(policy)}">${policyText}</a>` : ""}<p><button>${onceText}</button> ${allow ? `<button>${alwaysText}</button>` : ""}`;
  frame.onload = () => {
    const [once, always] = frame.contentDocument?.querySelectorAll("button") ?? [];
    if (once) once.onclick = () => loadEmbed(frame, service);
    if (always) always.onclick = allow ?? null;
  };
}
