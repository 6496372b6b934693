import { createServer } from "node:http";
import { SET_ON_SITE_DOMAIN } from "../fixtures/site-cookies";
import type { StubRequest } from "./trackers";

/**
 * The third parties of the auto-blocking specs: one HTTP server behind Caddy that answers every
 * tracker host (a script, a 1x1 image, a page, a stylesheet, by what was asked) and records every
 * request. `GET /__stub/requests?token=T` (straight on its port, never through Caddy) lists the
 * requests whose URL contains T. Scripts have no side effects unless their URL asks: `cookies=1`
 * sets `_ga` and `_gcl_au` on the site's registrable domain, as GA4 with its advertising features
 * does. Nothing is cacheable but a prefetch, so every load is a request the log sees. A
 * WebSocket handshake is logged (`dest` "websocket") and the connection closed. A script whose
 * URL has `hold=T` is answered only once `GET /__stub/release?token=T` (straight on its port) is
 * asked, or after 60 s: a slow third-party script that holds the page's parser.
 */
const port = Number(process.env.E2E_TRACKER_PORT);
const received: StubRequest[] = [];
const GIF = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

const SET_COOKIES = SET_ON_SITE_DOMAIN(["_ga=GA1.1.111.222", "_gcl_au=1.1.333.444"]);
/** Answers held back by `hold=T`, by token, and the tokens already released. */
const held = new Map<string, Array<() => void>>();
const released = new Set<string>();

const server = createServer((req, res) => {
  const host =
    String(req.headers["x-forwarded-host"] ?? req.headers.host ?? "").split(":")[0] ?? "";
  const path = req.url ?? "/";
  if (path.startsWith("/__stub/requests")) {
    const token = new URL(path, "http://stub").searchParams.get("token") ?? "";
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(received.filter((r) => r.url.includes(token))));
    return;
  }
  if (path.startsWith("/__stub/release")) {
    const token = new URL(path, "http://stub").searchParams.get("token") ?? "";
    released.add(token);
    for (const answer of held.get(token) ?? []) answer();
    held.delete(token);
    res.end("released");
    return;
  }
  const dest = String(req.headers["sec-fetch-dest"] ?? "");
  received.push({ url: `https://${host}${path}`, host, dest });
  // A prefetch is for the cache: answered no-store, Chromium fetches it a second time (without
  // `Sec-Purpose`), with or without Assent. Vendors' CDNs answer it cacheable, and so does this.
  const prefetch = req.headers["sec-purpose"] === "prefetch";
  res.setHeader("cache-control", prefetch ? "private, max-age=600" : "no-store");
  if (dest === "script" || /\.js(\?|$)|\/gtag\/js/.test(path)) {
    res.setHeader("content-type", "text/javascript");
    const ran = `(window.__stubRan = window.__stubRan || []).push(${JSON.stringify(`https://${host}${path}`)});`;
    const answer = () => {
      if (!res.writableEnded) res.end(path.includes("cookies=1") ? `${ran}\n${SET_COOKIES}` : ran);
    };
    const hold = new URL(path, "http://stub").searchParams.get("hold");
    if (hold && !released.has(hold)) {
      held.set(hold, [...(held.get(hold) ?? []), answer]);
      setTimeout(answer, 60_000).unref();
    } else answer();
  } else if (dest === "image" || /\/tr\b|collect|\.(gif|jpg|png)/.test(path)) {
    res.setHeader("content-type", "image/gif");
    res.end(GIF);
  } else if (dest === "style") {
    res.setHeader("content-type", "text/css");
    res.end("/* stub */");
  } else {
    res.setHeader("content-type", "text/html");
    res.end(`<!doctype html><title>${host}</title><p>third-party stand-in: ${host}</p>`);
  }
});
server.on("upgrade", (req, socket) => {
  const host = String(req.headers["x-forwarded-host"] ?? req.headers.host ?? "").split(":")[0];
  received.push({ url: `wss://${host}${req.url ?? "/"}`, host: host ?? "", dest: "websocket" });
  socket.destroy();
});
server.listen(port, "127.0.0.1");
