/**
 * Third-party hosts the auto-blocking specs load, answered by a real server on this machine
 * (`tracker-stub.ts`) that records every request it gets. Chromium reaches them through
 * `--host-resolver-rules` on Caddy's HTTPS port; Caddy (`e2e/setup/Caddyfile`, which imports
 * `deploy/Caddyfile` unchanged and adds these sites) gives them certificates from its local CA
 * and proxies them to the stub. Nothing is intercepted in the browser.
 */
export const TRACKER_HOSTS = [
  "www.googletagmanager.com",
  "www.google-analytics.com",
  "region1.analytics.google.com",
  "stats.g.doubleclick.net",
  "www.google.com",
  "connect.facebook.net",
  "www.facebook.com",
  "www.youtube.com",
  "www.youtube-nocookie.com",
  "i.ytimg.com",
  "platform.twitter.com",
  "live.staticflickr.com",
  "embedr.flickr.com",
  "player.vimeo.com",
  "static.hotjar.com",
  "ws.hotjar.com",
] as const;

/** Chromium's mapping for the tracker hosts: every one is Caddy, on its HTTPS port. */
export const trackerResolverRules = (httpsPort: number) =>
  TRACKER_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${httpsPort}`).join(", ");

/** One request the stub received, as the browser made it. */
export interface StubRequest {
  /** `https://HOST/PATH?QUERY` */
  url: string;
  host: string;
  /** The request's `Sec-Fetch-Dest` (`script`, `image`, `iframe`, `style`, `empty`, ...). */
  dest: string;
}

const stubOrigin = () => {
  const port = process.env.E2E_TRACKER_PORT;
  if (!port)
    throw new Error("E2E_TRACKER_PORT is not set: run the specs through playwright.config.ts");
  return `http://127.0.0.1:${port}`;
};

/** What the stub received whose URL contains `token` (every request, when none is given). */
export async function stubRequests(token = ""): Promise<StubRequest[]> {
  const res = await fetch(`${stubOrigin()}/__stub/requests?token=${encodeURIComponent(token)}`);
  if (!res.ok) throw new Error(`tracker stub: ${res.status}`);
  return (await res.json()) as StubRequest[];
}

/** Lets the stub answer the scripts it holds back for `token` (`?hold=TOKEN`), now and after. */
export async function releaseHeld(token: string): Promise<void> {
  const res = await fetch(`${stubOrigin()}/__stub/release?token=${encodeURIComponent(token)}`);
  if (!res.ok) throw new Error(`tracker stub: ${res.status}`);
}
