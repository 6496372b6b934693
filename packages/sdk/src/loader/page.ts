/**
 * Runs `fn` once the document is parsed (at once if it already is). DOMContentLoaded comes once:
 * the listener needs no removing.
 */
export function whenReady(fn: () => void): void {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn);
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

/**
 * Calls `open` on a click on any element with `data-assent-open` (the site's own way back), in
 * the page or in a web component's open shadow root (the event's path, not its retargeted
 * `target`, which is the shadow host).
 */
export function onOpenerClick(open: () => void): void {
  document.addEventListener("click", (event) => {
    if (!event.composedPath().some((el) => (el as Element).hasAttribute?.("data-assent-open")))
      return;
    event.preventDefault();
    open();
  });
}

/** Reports an error in the console, and goes on. */
export const report = (err: unknown) => console.error("[assent]", err);
