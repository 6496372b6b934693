/** Runs `fn` once the document is parsed (at once if it already is). */
export function whenReady(fn: () => void): void {
  if (document.readyState === "loading")
    document.addEventListener("DOMContentLoaded", fn, { once: true });
  else fn();
}

/**
 * Runs `fn` in a task after the next frame is rendered: then the page's style and layout are
 * clean, so reading them (`checkVisibility`) forces no work of its own, and what `fn` starts is
 * never on the way to that frame.
 */
export function afterFrame(fn: () => void): void {
  requestAnimationFrame(() => setTimeout(fn));
}

/** Whether the browser sends Global Privacy Control. */
export const gpcSignal = (): boolean =>
  (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true;

/** Calls `open` on a click on any element with `data-assent-open` (the site's own way back). */
export function onOpenerClick(open: () => void): void {
  document.addEventListener("click", (event) => {
    if (!(event.target as Element | null)?.closest?.("[data-assent-open]")) return;
    event.preventDefault();
    open();
  });
}
