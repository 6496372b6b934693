import { demoLikeConfig, openSitePage, publishSite, siteKey } from "../fixtures/sites";
import { expect, test } from "../fixtures/third-party";
import { bannerOf } from "../fixtures/ui";

interface Measured {
  shifts: number;
  /** Long animation frames with script from the SDK (loader or UI): each script's duration. */
  sdkScripts: Array<{ url: string; duration: number; frame: number }>;
  longestFrame: number;
}

/**
 * Under 4x CPU throttling (Chromium's CDP), records layout shifts and long animation frames with
 * the scripts each one ran. CLS must be 0. Long tasks are reported for the SDK's own scripts; the
 * assertion is on those only (a noisy machine's other work is not the SDK's), with the 50 ms bound
 * from the issue.
 */
test("the banner causes no layout shift and no long SDK task under 4x CPU throttling", async ({
  page,
}) => {
  const key = siteKey("perf");
  await publishSite(key, demoLikeConfig());
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.addInitScript(() => {
    const out = { shifts: 0, sdkScripts: [] as Measured["sdkScripts"], longestFrame: 0 };
    (window as { __measured?: typeof out }).__measured = out;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as Array<PerformanceEntry & { value: number }>)
        out.shifts += e.value;
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

  expect(measured.shifts).toBe(0);
  for (const script of measured.sdkScripts) expect(script.duration, script.url).toBeLessThan(50);
});
