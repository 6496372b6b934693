/** The UI's stylesheet, adopted by the shadow root: host-page CSS neither leaks in nor out. */
export const CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.root {
  --assent-bg: #ffffff; --assent-fg: #1a1a1a; --assent-muted: #4a4a4a; --assent-accent: #1d4ed8;
  --assent-accent-fg: #ffffff; --assent-border: #6b7280; --assent-radius: 8px;
  --assent-font: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  font: 15px/1.5 var(--assent-font); color: var(--assent-fg);
}
@media (prefers-color-scheme: dark) {
  .root { --assent-bg: #111827; --assent-fg: #f3f4f6; --assent-muted: #d1d5db; --assent-accent: #93c5fd;
    --assent-accent-fg: #0b1220; --assent-border: #9ca3af; }
}
.banner {
  position: fixed; left: 0; right: 0; bottom: 0; z-index: 2147483646; background: var(--assent-bg);
  border-top: 1px solid var(--assent-border); box-shadow: 0 -4px 24px rgb(0 0 0 / 0.15);
  padding: 16px 20px; display: flex; flex-wrap: wrap; gap: 12px 24px; align-items: center;
}
.banner .text { flex: 1 1 420px; }
h2 { font-size: 1.1em; margin: 0 0 4px; }
p { margin: 0 0 6px; color: var(--assent-muted); }
a { color: var(--assent-accent); }
.links { display: flex; gap: 16px; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; }
button {
  font: inherit; font-weight: 600; min-height: 44px; min-width: 10em; padding: 8px 16px; cursor: pointer;
  border-radius: var(--assent-radius); border: 2px solid var(--assent-accent);
  background: var(--assent-accent); color: var(--assent-accent-fg);
}
button:focus-visible, a:focus-visible, input:focus-visible, summary:focus-visible {
  outline: 3px solid var(--assent-fg); outline-offset: 2px;
}
.overlay {
  position: fixed; inset: 0; z-index: 2147483647; background: rgb(0 0 0 / 0.5);
  display: flex; align-items: center; justify-content: center; padding: 16px;
}
.dialog {
  background: var(--assent-bg); border-radius: var(--assent-radius); max-width: 640px; width: 100%;
  max-height: calc(100vh - 32px); overflow: auto; padding: 20px; border: 1px solid var(--assent-border);
}
.category { border-top: 1px solid var(--assent-border); padding: 12px 0; }
.category-head { display: flex; justify-content: space-between; gap: 12px; align-items: center; }
.category-head label { font-weight: 600; }
input[type="checkbox"] { width: 44px; height: 24px; accent-color: var(--assent-accent); }
.always { font-size: 0.9em; color: var(--assent-muted); }
details { margin-top: 4px; }
ul { margin: 6px 0 0; padding-left: 20px; }
.service { display: flex; justify-content: space-between; gap: 12px; align-items: center; }
.consent-id { font-family: ui-monospace, monospace; word-break: break-all; }
@media (prefers-reduced-motion: no-preference) { .banner, .dialog { animation: assent-in 120ms ease-out; } }
@keyframes assent-in { from { opacity: 0; } to { opacity: 1; } }
`;
