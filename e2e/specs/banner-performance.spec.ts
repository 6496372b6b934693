import { demoLikeConfig, openSitePage, publishSite, siteKey } from "../fixtures/sites";
import { expect, test } from "../fixtures/test";
import { bannerOf } from "../fixtures/ui";
import { releaseHeld } from "../setup/trackers";

interface Measured {
  shifts: number;
  shiftSources: string[];
  /** Long animation frames with script from the SDK (loader or UI): each script's duration. */
  sdkScripts: Array<{ url: string; duration: number; frame: number }>;
  longestFrame: number;
}

/**
 * Under 4x CPU throttling (Chromium's CDP), records layout shifts and long animation frames with
 * the scripts each one ran. Layout shift must round to 0 (the banner is fixed-position). The SDK's
 * long-frame scripts are reported (console and test annotation), not asserted: on a shared
 * two-core machine their duration under throttling depends on the neighbours' load. The 50 ms
 * target is checked over many visits by `pnpm bench:sdk` (`e2e/bench/sdk-tasks.ts`).
 */
test("the banner causes no layout shift under 4x CPU throttling; SDK long frames reported", async ({
  page,
  admin,
}) => {
  const key = siteKey("perf");
  await publishSite(admin, key, demoLikeConfig());
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.addInitScript(() => {
    const out = {
      shifts: 0,
      shiftSources: [] as string[],
      sdkScripts: [] as Measured["sdkScripts"],
      longestFrame: 0,
    };
    (window as { __measured?: typeof out }).__measured = out;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as Array<
        PerformanceEntry & { value: number; sources?: Array<{ node?: Node }> }
      >) {
        out.shifts += e.value;
        out.shiftSources.push(
          ...(e.sources ?? []).map(
            (s) =>
              (s.node as Element | undefined)?.outerHTML?.slice(0, 60) ?? s.node?.nodeName ?? "?",
          ),
        );
      }
    }).observe({ type: "layout-shift", buffered: true });
    new PerformanceObserver((list) => {
      for (const frame of list.getEntries() as Array<
        PerformanceEntry & { scripts: Array<{ sourceURL: string; duration: number }> }
      >) {
        out.longestFrame = Math.max(out.longestFrame, frame.duration);
        for (const s of frame.scripts ?? [])
          if (/\/(sdk|s)\//.test(s.sourceURL))
            out.sdkScripts.push({ url: s.sourceURL, duration: s.duration, frame: frame.duration });
      }
    }).observe({ type: "long-animation-frame", buffered: true });
  });
  await openSitePage(page, key);
  await expect(bannerOf(page)).toBeVisible();
  await page.waitForTimeout(500);
  const measured = (await page.evaluate(
    () => (window as { __measured?: Measured }).__measured,
  )) as Measured;
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  console.log(`[perf] 4x CPU: ${JSON.stringify(measured)}`);
  test.info().annotations.push({ type: "perf", description: JSON.stringify(measured) });

  expect(measured.shifts, measured.shiftSources.join(", ")).toBeLessThan(0.001);
});

/**
 * A long page (an archive, a long article) whose parsing a slow third-party script holds: the
 * banner needs nothing of the page parsed, so it is on screen while the parser is still reading
 * the page, not after DOMContentLoaded. The script (a real one, from the tracker stub) is held
 * until the banner was seen, so the parser cannot win the race on a fast machine or lose it on a
 * busy one: a loader that waited for the page would never show the banner. Recorded in the page
 * itself (each frame until the banner is visible: whether the parser had reached the page's last
 * element yet). The visitor's own focus is left alone: a search field the page autofocuses,
 * parsed after the banner showed, keeps the focus.
 */
test("on a long page the banner is on screen before the page is parsed, and an autofocused field keeps the focus", async ({
  page,
  admin,
}) => {
  const key = siteKey("long-page");
  await publishSite(admin, key, demoLikeConfig());
  await page.addInitScript(() => {
    const seen: { pageParsed?: boolean; readyState?: string } = {};
    (window as { __bannerSeen?: typeof seen }).__bannerSeen = seen;
    const check = () => {
      const dialog = document
        .getElementById("assent-ui")
        ?.shadowRoot?.querySelector<HTMLElement>("[role=dialog]");
      if (dialog && dialog.getBoundingClientRect().height > 0) {
        seen.pageParsed = !!document.getElementById("page-end");
        seen.readyState = document.readyState;
      } else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  const article =
    "<article><h2>Minutes of the annual meeting</h2><p>Members discussed late payment, contract review and the insurance scheme, with questions from the floor.</p></article>";
  const slow = `https://platform.twitter.com/widgets.js?hold=${key}`;
  await openSitePage(page, key, {
    body: `${article.repeat(2_000)}<script src="${slow}"></script>${article.repeat(2_000)}<input id="search" type="search" aria-label="Search" autofocus><p id="page-end">End of the archive.</p>`,
    waitUntil: "commit",
  });
  await expect(bannerOf(page)).toBeVisible();
  expect(await page.evaluate(() => (window as { __bannerSeen?: object }).__bannerSeen)).toEqual({
    pageParsed: false,
    readyState: "loading",
  });
  await releaseHeld(key);
  await expect(page.locator("#page-end")).toBeAttached();
  // The bar does not take the focus from the field the page autofocuses.
  await page.waitForTimeout(300);
  await expect(page.locator("#search")).toBeFocused();
});
