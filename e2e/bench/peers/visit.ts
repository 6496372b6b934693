import { gzipSync } from "node:zlib";
import type { BrowserContext, Page, Response } from "@playwright/test";
import type { Contender } from "./contenders";
import { installProbe, type ProbeReport } from "./probe";
import type { VisitKind, VisitSample } from "./report";

/** Chromium's CPU throttling for every visit, as issue #15 measures. */
export const CPU_THROTTLING = 4;
/** How long a visit is watched after the banner (first visits) or the load event (returning). */
export const SETTLE_MS = 1500;
const BANNER_TIMEOUT_MS = 30_000;

/** Which URLs are the manager's own files (its scripts, styles and configuration). */
export type Owns = (url: string) => boolean;

/**
 * A manager's code, or the configuration it fetches to show (JSON read with a GET: a receipt it
 * posts is not counted).
 */
const isCode = (response: Response) =>
  ["script", "stylesheet"].includes(response.request().resourceType()) ||
  /javascript|css/.test(response.headers()["content-type"] ?? "") ||
  (response.request().method() === "GET" && /json/.test(response.headers()["content-type"] ?? ""));

/**
 * One page view of a manager's page in `context`, on a new page under CPU throttling: the
 * banner (first visits), the manager's JS+CSS (every script and style body it loaded, and any
 * configuration it fetched as JSON, gzipped
 * here at level 9, whether it came from the network or the HTTP cache), the page's script time,
 * its longest tasks and layout shift. Responses are only observed, never routed. The page is
 * left open (a first visit's decision is made on it); the caller closes it.
 */
export async function measureVisit(
  context: BrowserContext,
  contender: Contender,
  url: string,
  kind: VisitKind,
  owns: Owns,
): Promise<{ sample: VisitSample; page: Page }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_THROTTLING });
  await cdp.send("Performance.enable");
  const banner = kind === "returning" ? null : contender.banner;
  await page.addInitScript(installProbe, banner);
  const files: Array<Promise<{ url: string; gzip: number }>> = [];
  page.on("response", (response) => {
    if (!owns(response.url()) || !isCode(response)) return;
    files.push(
      response
        .body()
        .then((body) => ({ url: response.url(), gzip: gzipSync(body, { level: 9 }).length })),
    );
  });

  await page.goto(url, { waitUntil: "load" });
  if (banner) {
    // One evaluation that settles with the banner: polling would add script time and frames.
    const shown = await page.evaluate(
      (ms) =>
        Promise.race([
          window.__peersBanner?.then(() => true),
          new Promise<false>((resolve) => setTimeout(() => resolve(false), ms)),
        ]),
      BANNER_TIMEOUT_MS,
    );
    if (!shown) {
      const state = await page.evaluate(() => ({
        probe: window.__peersProbe,
        body: document.body?.innerHTML.slice(-1500),
      }));
      throw new Error(
        `${contender.name}: no banner visible within ${BANNER_TIMEOUT_MS} ms at ${url}: ${JSON.stringify(state)}`,
      );
    }
  }
  await page.waitForTimeout(SETTLE_MS);
  const { metrics } = await cdp.send("Performance.getMetrics");
  const probe = (await page.evaluate(() => window.__peersProbe)) as ProbeReport;
  // When each file was requested, and its body as the server coded it (Resource Timing: Assent's
  // files carry `Timing-Allow-Origin`, the peers' are the page's own origin).
  const timings = await page.evaluate(() =>
    (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).map(
      (e) => [e.name, e.startTime, e.encodedBodySize] as const,
    ),
  );
  const started = new Map(timings.map(([url, start]) => [url, start]));
  const coded = new Map(timings.map(([url, , size]) => [url, size]));
  const loaded = await Promise.all(files);
  await cdp.detach();

  const beforeBanner = (file: { url: string }) =>
    probe.bannerMs !== null &&
    (started.get(file.url) ?? Number.POSITIVE_INFINITY) <= probe.bannerMs;
  const sum = (list: Array<{ gzip: number }>) => list.reduce((n, f) => n + f.gzip, 0);
  const wire = (list: Array<{ url: string }>) =>
    list.reduce((n, f) => n + (coded.get(f.url) ?? Number.NaN), 0);
  const ownScripts = probe.scripts.filter((s) => owns(s.url));
  const sample: VisitSample = {
    files: loaded.map((f) => ({ ...f, beforeBanner: beforeBanner(f) })),
    bytes: sum(loaded),
    bytesToBanner: sum(loaded.filter(beforeBanner)),
    wireToBanner: wire(loaded.filter(beforeBanner)),
    bannerMs: probe.bannerMs,
    scriptMs: (metrics.find((m) => m.name === "ScriptDuration")?.value ?? Number.NaN) * 1000,
    longestTaskMs: Math.max(0, ...ownScripts.map((s) => s.duration)),
    longestPageTaskMs: probe.longestTaskMs,
    cls: probe.cls,
  };
  return { sample, page };
}
