import type { SiteService } from "@assent/core";
import { direction } from "../languages";
import { publishedConfig } from "../transport/published-config";
import { placeholderText } from "../ui/lang/outside";
import { loadOnce } from "./gate-embeds";
import type { Session } from "./session";

const escapeHtml = (text = "") => text.replace(/[<&"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** What a placeholder reads of the page's session: the config, the language, the decision. */
export type PlaceholderHost = Pick<
  Session,
  "api" | "config" | "configHash" | "language" | "current" | "before" | "choose" | "published"
>;

/**
 * Shows the placeholder inside the iframe itself (`srcdoc`, same origin as the page), so it has
 * exactly the iframe's box, responsive or not, and nothing moves when the content loads. This
 * module is its own small file (`dist/embed-placeholder-HASH.js`), imported by the loader only when a
 * page holds an embed back; until it arrives the iframe is an empty box of the same size. The
 * service's name, purpose and privacy policy come from the whole published config (the loader's
 * inlined one leaves them out), fetched once per page. Its texts are the site's own in the
 * page's language, else the built-in ones in that language (`placeholderText`). "Always allow" is offered for a service the site lists (the
 * others are not in the decision) and records that, as a choice (method `custom`).
 */
export async function placehold(
  frame: HTMLIFrameElement,
  host: PlaceholderHost,
  inlined?: SiteService,
): Promise<void> {
  const config = await publishedConfig(host);
  // Loaded (or released) while this module was on its way: nothing to hold back any more.
  if (!frame.hasAttribute("data-src")) return;
  const service = config.services.find((s) => s.id === inlined?.id) ?? inlined;
  const name = service?.name ?? (frame.getAttribute("data-src") as string).split("/")[2];
  const policy = service?.privacyPolicyUrl;
  const allow =
    service && host.config.services.some((s) => s.id === service.id)
      ? () => {
          const holding = host.current ?? host.before;
          void host.choose("custom", {
            categories: { ...holding?.categories },
            services: { ...holding?.services, [service.id]: true },
          });
        }
      : undefined;
  const { language } = host;
  const own = host.config.texts[language];
  const [policyText, onceText, alwaysText] = (
    ["privacyPolicy", "embed.loadOnce", "embed.alwaysAllow"] as const
  ).map((key) =>
    escapeHtml(placeholderText(language, key, own?.[key]).replace("{service}", name ?? "")),
  );
  frame.srcdoc = `<body lang="${language}" dir="${direction(language)}" style="font:14px sans-serif;text-align:center;background:#eee"><p><b>${escapeHtml(name)}</b> ${escapeHtml(service?.purpose)} ${policy ? `<a target=_blank href="${escapeHtml(policy)}">${policyText}</a>` : ""}<p><button>${onceText}</button> ${allow ? `<button>${alwaysText}</button>` : ""}`;
  frame.onload = () => {
    const [once, always] = frame.contentDocument?.querySelectorAll("button") ?? [];
    if (once) once.onclick = () => loadOnce(frame, service);
    if (always) always.onclick = allow ?? null;
  };
}
