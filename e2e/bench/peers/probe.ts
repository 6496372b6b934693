/**
 * What the page records about itself during a visit, installed as an init script (before any
 * of the page's scripts run, in the top frame only): when the consent manager's banner first
 * became visible, the cumulative layout shift, the longest task, and the scripts of long
 * animation frames (so a task can be attributed to the manager's files).
 */

/** Where the probe finds a manager's banner: `selector`, inside `host`'s open shadow root if set. */
export interface BannerLocator {
  host?: string;
  selector: string;
}

/** A script that ran in a long animation frame. */
export interface FrameScript {
  url: string;
  /** The script's own time, forced style and layout included (ms). */
  duration: number;
  /** The whole frame's duration (ms). */
  frame: number;
}

/** What the probe hands back at the end of a visit. */
export interface ProbeReport {
  /** ms from navigation start to the first frame with the banner visible; null if never. */
  bannerMs: number | null;
  cls: number;
  /** The longest task of the page (PerformanceObserver `longtask`), 0 when none over 50 ms. */
  longestTaskMs: number;
  scripts: FrameScript[];
}

declare global {
  interface Window {
    __peersProbe?: ProbeReport;
    /** Settles when the banner is visible: awaited once, so nothing polls the page meanwhile. */
    __peersBanner?: Promise<void>;
  }
}

/**
 * The init script. A banner counts as visible in the first animation frame in which it is
 * connected, has an area, and passes `checkVisibility` with opacity and visibility (so a fade-in
 * counts from its first non-transparent frame). Mutations (in the document and in open shadow
 * roots) start a per-frame check that stops once the banner is visible, so frames are not
 * polled before the manager does anything.
 */
export function installProbe(banner: BannerLocator | null): void {
  if (window !== window.top) return;
  const report: ProbeReport = { bannerMs: null, cls: 0, longestTaskMs: 0, scripts: [] };
  window.__peersProbe = report;

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as Array<
      PerformanceEntry & { value: number; hadRecentInput: boolean }
    >)
      if (!entry.hadRecentInput) report.cls += entry.value;
  }).observe({ type: "layout-shift", buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      report.longestTaskMs = Math.max(report.longestTaskMs, entry.duration);
  }).observe({ type: "longtask", buffered: true });
  new PerformanceObserver((list) => {
    for (const frame of list.getEntries() as Array<
      PerformanceEntry & { scripts?: Array<{ sourceURL: string; duration: number }> }
    >)
      for (const s of frame.scripts ?? [])
        report.scripts.push({ url: s.sourceURL, duration: s.duration, frame: frame.duration });
  }).observe({ type: "long-animation-frame", buffered: true });

  if (!banner) return;
  let shown = () => {};
  window.__peersBanner = new Promise<void>((resolve) => {
    shown = resolve;
  });
  const find = (): Element | null => {
    const root = banner.host ? document.querySelector(banner.host)?.shadowRoot : document;
    return root?.querySelector(banner.selector) ?? null;
  };
  const visible = (el: Element) => {
    const box = el.getBoundingClientRect();
    return (
      box.width * box.height > 0 &&
      el.checkVisibility({ opacityProperty: true, visibilityProperty: true })
    );
  };
  let checking = false;
  const check = () => {
    checking = false;
    if (report.bannerMs !== null) return;
    const el = find();
    if (!el) return;
    if (visible(el)) {
      report.bannerMs = performance.now();
      observer.disconnect();
      shown();
      return;
    }
    // There but not yet visible (a fade-in, a class about to change): look again next frame.
    schedule();
  };
  const schedule = () => {
    if (checking || report.bannerMs !== null) return;
    checking = true;
    requestAnimationFrame(check);
  };
  const observer = new MutationObserver(schedule);
  const watch = (node: Node) =>
    observer.observe(node, { childList: true, subtree: true, attributes: true });
  watch(document);
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init: ShadowRootInit) {
    const root = attach.call(this, init);
    watch(root);
    return root;
  };
}
