import { type Browser, chromium } from "@playwright/test";
import { expect, intercept, ThirdPartyLog, test } from "../fixtures/third-party";

/**
 * Withdrawal on a real domain with a parent: `www.demo.test` and `demo.test` are mapped onto the
 * server under test, so trackers can set their cookies on the parent domain as they do in the
 * wild (`.demo.test`), next to host-only ones.
 */
const SITE = `http://www.demo.test:${process.env.E2E_PORT}`;
const TRACKERS = /^(_ga|_ga_.+|_gid|_fbp)$/;

let browser: Browser;

test.beforeAll(async () => {
  const launch = test.info().project.use.launchOptions ?? {};
  browser = await chromium.launch({
    ...launch,
    args: [
      ...(launch.args ?? []),
      "--host-resolver-rules=MAP www.demo.test 127.0.0.1, MAP demo.test 127.0.0.1",
    ],
  });
});

test.afterAll(async () => {
  await browser?.close();
});

test("withdrawal removes _ga, _ga_*, _gid and _fbp from the host and the parent domain", async () => {
  const context = await browser.newContext();
  await intercept(context, new ThirdPartyLog());
  const page = await context.newPage();
  await page.goto(`${SITE}/demo/blocking.html`);
  await page.evaluate(() => window.assent?.acceptAll());
  await expect
    .poll(() =>
      page.evaluate(() => {
        const w = window as { __gaLoaded?: number; __fbLoaded?: number };
        return [w.__gaLoaded, w.__fbLoaded];
      }),
    )
    .toEqual([1, 1]);
  // Host-only copies and one on the page's own path, as older tags or a move of domain leave them.
  await context.addCookies([
    { name: "_ga", value: "GA1.1.old", domain: "www.demo.test", path: "/" },
    { name: "_fbp", value: "fb.1.old", domain: "www.demo.test", path: "/demo" },
  ]);

  const trackers = async () =>
    (await context.cookies())
      .filter((c) => TRACKERS.test(c.name))
      .map((c) => `${c.name} ${c.domain}${c.path}`)
      .sort();
  expect(await trackers()).toEqual([
    "_fbp .demo.test/",
    "_fbp www.demo.test/demo",
    "_ga .demo.test/",
    "_ga www.demo.test/",
    "_ga_DEMO123456 .demo.test/",
    "_gid www.demo.test/",
  ]);

  const withdrawn = page.evaluate(
    () =>
      new Promise<string[]>((resolve) =>
        window.addEventListener("assent:change", (e) =>
          resolve((e as CustomEvent<{ withdrawn: string[] }>).detail.withdrawn),
        ),
      ),
  );
  await page.evaluate(() => window.assent?.withdraw());
  expect(await withdrawn).toEqual(expect.arrayContaining(["google-analytics", "meta-pixel"]));
  expect(await trackers()).toEqual([]);
  // The visitor's own choice stays, and so does everything that is not a tracker's.
  expect((await context.cookies()).map((c) => c.name)).toContain("assent");
  const layer = await page.evaluate(() =>
    ((window as { dataLayer?: Array<{ event?: string }> }).dataLayer ?? []).map((e) => e.event),
  );
  expect(layer.filter((e) => e === "assent_update")).toHaveLength(2);
  await context.close();
});
