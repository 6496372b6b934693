const DARK =
  "--assent-bg:#111827;--assent-fg:#f3f4f6;--assent-muted:#d1d5db;--assent-accent:#93c5fd;--assent-accent-fg:#0b1220;--assent-border:#9ca3af;--assent-note:#1e293b;";

/**
 * The first layer's stylesheet (and what the preference centre shares with it), adopted by the
 * shadow root: host-page CSS neither leaks in nor out. Sites restyle it with custom properties on
 * `#assent-ui` (colours, `--assent-radius`, `--assent-font`, `--assent-width`) or with
 * `#assent-ui::part(banner|dialog|button)`; theme and position come from the site config as
 * `data-theme` and `data-position` on that element. The preference centre's own rules are
 * `PREFERENCES_CSS`, in its chunk.
 */
export const CSS = `
:host{all:initial;--assent-bg:#fff;--assent-fg:#1a1a1a;--assent-muted:#404040;--assent-accent:#1d4ed8;--assent-accent-fg:#fff;--assent-border:#6b7280;--assent-note:#eff6ff;--assent-radius:8px;--assent-width:440px;--assent-font:system-ui,sans-serif}
:host([data-theme=dark]){${DARK}}
@media (prefers-color-scheme:dark){:host([data-theme=auto]){${DARK}}}
*{box-sizing:border-box}
.banner,.dialog{font:15px/1.5 var(--assent-font);color:var(--assent-fg);background:var(--assent-bg);border:1px solid var(--assent-border);border-radius:var(--assent-radius);padding:16px 20px;z-index:2147483646}
.banner{position:fixed;inset:auto 0 0;border-radius:0;display:flex;flex-wrap:wrap;gap:12px 24px;align-items:center;max-height:100%;overflow:auto}
.text{flex:1 1 420px}
:host([data-position=box]) .banner{inset:auto 16px 16px auto;max-width:min(var(--assent-width),calc(100vw - 32px));border-radius:var(--assent-radius)}
:host([data-position=box]) .text{flex-basis:100%}
.overlay{position:fixed;inset:0;z-index:2147483647;background:rgb(0 0 0/.5);display:flex;align-items:center;justify-content:center;padding:16px}
.overlay .banner{position:static;max-width:var(--assent-width);border-radius:var(--assent-radius)}
[tabindex]:focus{outline:0}
h2{font-size:1.15em;margin:0 0 4px}
p,dl,ol{margin:0 0 6px;color:var(--assent-muted)}
.note{color:var(--assent-fg);background:var(--assent-note);border-inline-start:4px solid var(--assent-accent);padding:6px 10px}
a,summary{color:var(--assent-accent)}
.links,.actions{display:flex;flex-wrap:wrap;gap:8px 16px}
button{font:inherit;font-weight:600;min-height:44px;min-width:min(10em,100%);overflow-wrap:anywhere;padding:8px 16px;cursor:pointer;border-radius:var(--assent-radius);border:2px solid var(--assent-accent);background:var(--assent-accent);color:var(--assent-accent-fg)}
:focus-visible{outline:3px solid var(--assent-fg);outline-offset:2px}
`;

/**
 * The preference centre's own rules, adopted beside `CSS` when its chunk arrives. It scrolls
 * inside the viewport with its buttons in a sticky footer: "Reject all" is on screen at any
 * height, as easy to reach as "Accept all". The dialog scrolls what the keyboard focuses above
 * the footer (`scroll-padding-bottom`: its height when four buttons stack at 320 px); where the
 * viewport is too short for both, the footer ends the dialog instead.
 */
export const PREFERENCES_CSS = `
.dialog{max-width:640px;max-height:100%;overflow:auto;padding-bottom:0;scroll-padding-bottom:232px}
.dialog>.actions{position:sticky;bottom:0;background:var(--assent-bg);border-top:1px solid var(--assent-border);margin-top:8px;padding:12px 0 16px}
@media (max-height:340px){.dialog{scroll-padding:0}.dialog>.actions{position:static}}
h3{font-size:1em;margin:8px 0 4px}
button.close{flex:none;min-width:0;background:none;color:var(--assent-accent)}
.category,.record{border-top:1px solid var(--assent-border);padding:12px 0}
.row,.head{display:flex;gap:12px;align-items:center}
label,h2{margin-inline-end:auto}
input{width:44px;height:24px;margin:0;accent-color:var(--assent-accent)}
summary{cursor:pointer;font-weight:600;padding:4px 0}
.service{border-inline-start:2px solid var(--assent-border);padding-inline-start:12px;margin:8px 0}
dl{display:grid;grid-template-columns:auto 1fr;gap:0 12px}
label,dt{font-weight:600}dd{margin:0}
.mono{font-family:ui-monospace,monospace;word-break:break-all}
`;

/**
 * Adopts a stylesheet in a shadow root (after those it has); where constructable stylesheets are
 * missing, appends a `<style>` allowed by the loader's nonce on a strict CSP page.
 */
export function adoptStyles(shadow: ShadowRoot, css: string, nonce?: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
  } catch {
    const style = document.createElement("style");
    if (nonce) style.nonce = nonce;
    style.textContent = css;
    shadow.prepend(style);
  }
}
