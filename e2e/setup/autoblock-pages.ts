import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { consentOrigin, customerPage, siteRoot } from "../fixtures/topology";

/** Where the auto-blocking specs' trackers are, as the vendors' own snippets load them. */
export const TRACKERS = {
  gtag: "https://www.googletagmanager.com/gtag/js?id=G-E2E",
  fbevents: "https://connect.facebook.net/en_US/fbevents.js",
  pixel: "https://www.facebook.com/tr?id=1&ev=PageView",
  collect: "https://www.google-analytics.com/g/collect?v=2",
  youtube: "https://www.youtube.com/embed/e2e",
  flickr: "https://live.staticflickr.com/65535/e2e_b.jpg",
  thumbnail: "https://i.ytimg.com/vi/e2e/hqdefault.jpg",
  twitter: "https://platform.twitter.com/widgets.js",
  video: "https://player.vimeo.com/e2e.mp4",
  socket: "wss://ws.hotjar.com/api/v2/client/ws",
} as const;

/**
 * Writes a customer page (`/e2e/NAME.html`) that loads Assent with auto-blocking first in
 * `<head>` and runs `code` (the body of `run(tag)`) three times: while the page is parsed, at
 * `DOMContentLoaded` and at `load` (or only while parsed, for `document.write`). Every tracker
 * URL goes through `u(url, tag)`, which adds `t=TOKEN-TAG` (the page's `?t=`), so the stub's
 * log tells page views and moments apart (markup in the page's source writes the token as
 * \`{{.Req.URL.Query.Get "t"}}\`, filled in by Caddy's templates). `window.__done` is set once all
 * have run.
 */
export async function autoblockPage(
  name: string,
  code: string,
  options: { head?: string; body?: string; parseOnly?: boolean } = {},
): Promise<(token: string) => string> {
  const html = `<!doctype html>
<html lang="en-GB">
<head>
<script src="${consentOrigin()}/s/demo.js?autoblock"></script>
<meta charset="utf-8">
<title>auto-blocking: ${name}</title>
${options.head ?? ""}
<script>
  var T = new URLSearchParams(location.search).get("t") || "none";
  var TRACKERS = ${JSON.stringify(TRACKERS)};
  function u(url, tag) { return url + (url.indexOf("?") < 0 ? "?" : "&") + "t=" + T + "-" + tag; }
  function root() { return document.body || document.head; }
  function run(tag) { ${code} }
  run("parse");
  ${
    options.parseOnly
      ? ""
      : `document.addEventListener("DOMContentLoaded", function () { run("ready"); });
  addEventListener("load", function () { run("load"); });`
  }
  addEventListener("load", function () { setTimeout(function () { window.__done = true; }, 50); });
</script>
</head>
<body>
${options.body ?? ""}
<p>Auto-blocking: ${name}</p>
</body>
</html>`;
  await writeFile(join(siteRoot(), "e2e", `autoblock-${name}.html`), html);
  return (token) => customerPage(`/e2e/autoblock-${name}.html?t=${token}`);
}
