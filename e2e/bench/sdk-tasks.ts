import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import { freePorts } from "../setup/deployment";

/**
 * `pnpm bench` (SDK part): a first visit to the demo page under 4x CPU throttling in Chromium,
 * `SDK_BENCH_RUNS` times (default 15). For each visit it records every script the SDK ran in a
 * long animation frame (the loader, its callbacks, the UI chunk) with its duration, which
 * includes forced style and layout. Reported per script kind: median, p90 and worst; the target
 * is that the longest SDK task of a typical visit (the median) stays under 50 ms. It also counts
 * the animation frames between the UI's mount and the banner appearing (0: the banner is in the
 * first frame painted after the UI chunk runs).
 *
 * Why a benchmark and not a test: under 4x throttling on a shared two-core machine one visit in
 * ten can be twice as slow as the others, so a single run proves nothing either way.
 */
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** The API's port and the demo site's (an origin of its own, as a customer's site is): free ones. */
const [PORT, DEMO_PORT] = freePorts(2) as [number, number];
const DEMO = `http://localhost:${DEMO_PORT}/`;
const RUNS = Number(process.env.SDK_BENCH_RUNS ?? 15);
const BUDGET_MS = 50;
/** Visits of the second pass, which counts frames between the UI's mount and the banner. */
const FRAME_RUNS = 5;
const chromiumPath =
  process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

interface Script {
  url: string;
  invoker: string;
  duration: number;
}

async function startServer(dbFile: string): Promise<ChildProcess> {
  const proc = spawn("pnpm", ["--filter", "@assent/api", "start"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(PORT),
      DEMO_PORT: String(DEMO_PORT),
      HOST: "127.0.0.1",
      DATABASE_URL: `file:${dbFile}`,
      ASSENT_ADMIN_PASSWORD: "sdk-bench-password",
    },
    stdio: "ignore",
    detached: true,
  });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/healthz`)).ok && (await fetch(DEMO)).ok)
        return proc;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the server did not start");
}

/** Where a script came from: the loader (`/s/KEY.js`), the UI chunk, or another SDK file. */
function kind(s: Script): string {
  const file = s.url.split("/").pop() ?? s.url;
  const name = s.url.includes("/s/") ? "loader" : file.replace(/-[\w-]{8}\.js$/, ".js");
  const invoker = s.invoker.startsWith("http") ? "evaluate" : s.invoker;
  return `${name} (${invoker})`;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

async function main() {
  const dbFile = join(tmpdir(), `assent-sdk-bench-${Date.now()}.db`);
  const server = await startServer(dbFile);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update"],
  });
  const byKind = new Map<string, number[]>();
  const worstPerVisit: number[] = [];
  const framesToBanner: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      await page.addInitScript(() => {
        const seen: Script[] = [];
        (window as unknown as { __sdkScripts: Script[] }).__sdkScripts = seen;
        new PerformanceObserver((list) => {
          for (const frame of list.getEntries() as Array<
            PerformanceEntry & {
              scripts: Array<{ sourceURL: string; invoker: string; duration: number }>;
            }
          >) {
            for (const s of frame.scripts ?? []) {
              if (/\/(s|sdk)\//.test(s.sourceURL))
                seen.push({ url: s.sourceURL, invoker: s.invoker, duration: s.duration });
            }
          }
        }).observe({ type: "long-animation-frame", buffered: true });
      });
      await page.goto(DEMO);
      await page.locator("#assent-ui [role=dialog]").waitFor();
      await page.waitForTimeout(1500);
      const scripts = await page.evaluate(
        () => (window as unknown as { __sdkScripts: Script[] }).__sdkScripts,
      );
      let worst = 0;
      for (const s of scripts) {
        const list = byKind.get(kind(s)) ?? [];
        list.push(s.duration);
        byKind.set(kind(s), list);
        worst = Math.max(worst, s.duration);
      }
      worstPerVisit.push(worst);
      await page.close();
    }
    // A separate pass: counting frames with a rAF loop splits long frames, which would hide the
    // scripts the first pass measures.
    for (let run = 0; run < FRAME_RUNS; run++) {
      const page = await browser.newPage();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      await page.addInitScript(() => {
        // Animation frames between the UI's mount (its shadow root) and the banner in it.
        const frames = { now: 0, mount: -1, banner: -1 };
        (window as unknown as { __frames: typeof frames }).__frames = frames;
        const tick = () => {
          frames.now++;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
        const attach = Element.prototype.attachShadow;
        Element.prototype.attachShadow = function (init: ShadowRootInit) {
          const root = attach.call(this, init);
          if (this.id === "assent-ui") {
            frames.mount = frames.now;
            new MutationObserver(() => {
              if (frames.banner < 0 && root.querySelector("[role=dialog]"))
                frames.banner = frames.now;
            }).observe(root, { childList: true, subtree: true });
          }
          return root;
        };
      });
      await page.goto(DEMO);
      await page.locator("#assent-ui [role=dialog]").waitFor();
      framesToBanner.push(
        await page.evaluate(() => {
          const f = (window as unknown as { __frames: { mount: number; banner: number } }).__frames;
          return f.banner - f.mount;
        }),
      );
      await page.close();
    }
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid, "SIGTERM");
    rmSync(dbFile, { force: true });
    rmSync(`${dbFile}-wal`, { force: true });
    rmSync(`${dbFile}-shm`, { force: true });
    // Outside production the server keeps its signing-key secret beside the database.
    rmSync(dbFile.replace(/\.db$/, ".secret"), { force: true });
  }

  const rows = [...byKind].map(([name, durations]) => {
    const sorted = [...durations].sort((a, b) => a - b);
    return {
      script: name,
      seen: sorted.length,
      medianMs: Math.round(quantile(sorted, 0.5)),
      p90Ms: Math.round(quantile(sorted, 0.9)),
      worstMs: Math.round(sorted[sorted.length - 1] ?? 0),
    };
  });
  const worst = [...worstPerVisit].sort((a, b) => a - b);
  const summary = {
    runs: RUNS,
    cpuThrottling: 4,
    longestSdkTaskPerVisit: {
      medianMs: Math.round(quantile(worst, 0.5)),
      p90Ms: Math.round(quantile(worst, 0.9)),
      worstMs: Math.round(worst[worst.length - 1] ?? 0),
    },
    scripts: rows,
    /** Frames rendered between the UI's mount and the banner appearing: 0 is "the same frame". */
    framesFromMountToBanner: { max: Math.max(...framesToBanner), perVisit: framesToBanner },
  };
  console.table(rows);
  console.log("longest SDK task per visit (ms):", summary.longestSdkTaskPerVisit);
  console.log("frames from the UI's mount to the banner:", framesToBanner.join(" "));
  const out = join(ROOT, "apps/api/.bench");
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "sdk-tasks.json"), `${JSON.stringify(summary, null, 2)}\n`);
  if (summary.longestSdkTaskPerVisit.medianMs >= BUDGET_MS) {
    console.error(`the SDK's longest task in a typical visit is ${BUDGET_MS} ms or more`);
    process.exit(1);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
