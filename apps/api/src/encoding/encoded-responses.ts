import type { MiddlewareHandler } from "hono";
import { type Coding, codedTag, preferredCoding } from "./negotiate";

/**
 * Compresses response bodies for a runtime that serves them itself (the Node server; Workers
 * leave it to Cloudflare's edge). A strategy may keep what it made: the same few bodies (the
 * loaders, the SDK's chunks) are sent on every page view.
 */
export interface BodyEncoder {
  /** `body` in `coding`. */
  encode(body: Uint8Array, coding: Coding): Promise<Uint8Array<ArrayBuffer>>;
}

/** What is worth compressing: scripts, styles, JSON and text. */
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|javascript|manifest\+json))/i;
/** Below this a body gains nothing from a coding (its header and framing cost as much). */
const MIN_BYTES = 256;

/**
 * Sends a successful `GET` body in the best coding the client accepts (`br`, else `gzip`), made
 * by `encoder` at its strongest setting, with its own strong `ETag` (`"TAG-br"`) and `Vary:
 * Accept-Encoding`. A proxy in front (Caddy's `encode`) passes a coded body through as it is. A
 * body already coded, too small, of another type, or no smaller once coded goes out unchanged;
 * so does every answer but a 200, except that a 304 names the representation the client has.
 */
export function encodedResponses(encoder: BodyEncoder): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.req.method !== "GET") return;
    const coding = preferredCoding(c.req.header("Accept-Encoding"));
    const res = c.res;
    const etag = res.headers.get("ETag");
    if (!coding) return;
    if (res.status === 304) {
      if (etag) res.headers.set("ETag", codedTag(etag, coding));
      return;
    }
    if (
      res.status !== 200 ||
      res.headers.has("Content-Encoding") ||
      !COMPRESSIBLE.test(res.headers.get("Content-Type") ?? "")
    )
      return;
    const body = new Uint8Array(await res.arrayBuffer());
    // A coding that fails sends the body as it is.
    const coded =
      body.length < MIN_BYTES ? body : await encoder.encode(body, coding).catch(() => body);
    const smaller = coded.length < body.length;
    // Hono keeps the headers of the response it replaces: they are changed on the new one.
    c.res = new Response(smaller ? coded : body, res);
    const headers = c.res.headers;
    const vary = headers.get("Vary");
    if (!vary?.split(",").some((v) => v.trim().toLowerCase() === "accept-encoding"))
      headers.set("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
    if (!smaller) return;
    headers.set("Content-Encoding", coding);
    headers.set("Content-Length", String(coded.length));
    if (etag) headers.set("ETag", codedTag(etag, coding));
  };
}
