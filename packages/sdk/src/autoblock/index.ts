import type { AutoblockHost } from "../loader/autoblock";
import { createEngine } from "./engine";
import { protector } from "./protect";
import { releaser } from "./release";

/**
 * Auto-blocking, served only to pages that ask for it (`/s/SITE_KEY.js?autoblock` composes it
 * before the loader, in the same synchronous script). The loader hands it the page's services
 * and decision; from then on, every door through which an element can get a tracker's URL or be
 * connected is watched in this window and in every same-origin frame's, and a denied tracker's
 * URL is held back (as `data-ATTRIBUTE`, with `data-category` and `data-service`) before the
 * browser acts on it. Held content is released by the loader's gates and by `release.ts`, in
 * document order, once allowed, exactly once.
 */
window.__assent_autoblock = (host: AutoblockHost) => {
  const documents = new Set<Document>();
  let own = () => {};
  const engine = createEngine(host, () => {
    host.release();
    own();
  });
  own = releaser(engine, documents);
  // A choice runs the loader's gates itself; what only this script holds follows them.
  addEventListener("assent:change", () => own());
  protector(engine, documents)(window);
};
