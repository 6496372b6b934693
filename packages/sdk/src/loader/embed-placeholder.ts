import type { SiteService } from "@assent/core";
import { direction } from "../languages";
import { publishedConfig } from "../transport/published-config";
import { placeholderText } from "../ui/lang/outside";
import { loadOnce } from "./gate-embeds";
import type { Session } from "./session";

const escapeHtml = (text = "") => text.replace(/[<&"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** A Trusted Types policy's part the placeholder uses (not yet in TypeScript's DOM types). */
interface HtmlPolicy {
  createHTML(html: string): string;
}

/**
 * The Trusted Types policy `assent` (created once, where the browser has Trusted Types), through
 * which the placeholder's HTML, built here with every value escaped, reaches `srcdoc`. A page
 * that requires Trusted Types lists it in its `trusted-types` directive; where it does not, the
 * browser reports the refusal and the HTML goes to `srcdoc` as a string, which the page's own
 * default policy may still let through.
 */
let htmlPolicy: HtmlPolicy | null | undefined;
function trustedHtml(html: string): string {
  if (htmlPolicy === undefined)
    try {
      const factory = (window as { trustedTypes?: { createPolicy(...a: unknown[]): HtmlPolicy } })
        .trustedTypes;
      htmlPolicy = factory?.createPolicy("assent", { createHTML: (text: string) => text }) ?? null;
    } catch {
      htmlPolicy = null;
    }
  return htmlPolicy ? htmlPolicy.createHTML(html) : html;
}

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
  // Styled once loaded, through its `style` object: a strict CSP (`style-src 'self'`), which the
  // placeholder's document inherits from the page, refuses a `style` attribute, not that.
  frame.srcdoc = trustedHtml(
    `<body lang="${language}" dir="${direction(language)}"><p><b>${escapeHtml(name)}</b> ${escapeHtml(service?.purpose)} ${policy ? `<a target=_blank href="${escapeHtml(policy)}">${policyText}</a>` : ""}<p><button>${onceText}</button> ${allow ? `<button>${alwaysText}</button>` : ""}`,
  );
  frame.onload = () => {
    const body = frame.contentDocument?.body;
    // Not once the embed itself has loaded in its place (`loadOnce`, `loadEmbed`).
    if (!body || !frame.hasAttribute("data-src")) return;
    Object.assign(body.style, { font: "14px sans-serif", textAlign: "center", background: "#eee" });
    const buttons = body.querySelectorAll("button");
    // Targets of at least 24 by 24 px (WCAG 2.5.8): a browser's own buttons are 21 px high.
    for (const button of buttons) button.style.minHeight = "24px";
    const [once, always] = buttons;
    if (once) once.onclick = () => loadOnce(frame, service);
    if (always) always.onclick = allow ?? null;
  };
}
