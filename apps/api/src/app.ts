import { Hono } from "hono";
import { adminRouteSpecs, adminRoutes } from "./admin";
import { sameOriginWrites } from "./auth";
import type { AppDeps } from "./deps";
import { encodedResponses } from "./encoding";
import { notFoundHandler, onError } from "./errors";
import { BODY_LIMITS, bodyLimit } from "./limits";
import { loaderRoute, loaderRoutes, siteConfigRoute } from "./loader";
import { openApiRoutes } from "./openapi";
import { receiptCreateRoute, receiptReadRoute, receiptReadRoutes, receiptRoutes } from "./receipts";
import { archivedSdk } from "./sdk-archive";
import { publicResource, secureHeaders } from "./security";
import { jwksRoute, jwksRoutes } from "./signing";
import {
  logCheckpointRoute,
  logRoutes,
  logTileRoute,
  logVkeyRoute,
  receiptProofRoute,
  receiptProofRoutes,
} from "./transparency";
import { witnessAppRoutes, witnessRouteSpecs } from "./witness";

/**
 * Builds the Assent API. Runtime-free: the Node and Workers entries build `deps` and call this.
 * @example
 * const app = createApp({ db, sdk, origin: fixedOrigin("https://consent.example.org"),
 *   client: (c) => ({ ip: null, country: null }) });
 */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.onError(onError);
  app.notFound(notFoundHandler);

  app.use("*", secureHeaders(deps.origin));
  // A request for a host this server does not answer on stops here (421), before any route.
  app.use("*", async (c, next) => {
    deps.origin.of(c);
    await next();
  });

  // What every page view downloads, coded once at the strongest setting and kept.
  if (deps.encoder) {
    const coded = encodedResponses(deps.encoder);
    for (const path of ["/s/*", "/sdk/*", "/v1/sites/:key/config", "/admin/*"])
      app.use(path, coded);
  }

  app.get("/healthz", (c) => c.json({ ok: true }));
  app.route("/", loaderRoutes(deps));
  app.route("/", receiptRoutes(deps));
  app.route("/", receiptReadRoutes(deps));
  app.route("/", jwksRoutes(deps));
  app.route("/", logRoutes(deps));
  app.route("/", receiptProofRoutes(deps));

  // The admin routes anyone may call (sign-in, invitations) take a few KB, checked first.
  for (const path of ["/v1/admin/session", "/v1/admin/invitations/*"]) {
    app.use(
      path,
      bodyLimit(BODY_LIMITS.signIn, `This request's body is at most ${BODY_LIMITS.signIn} bytes`),
    );
  }
  app.use(
    "/v1/admin/*",
    bodyLimit(BODY_LIMITS.admin, `An admin request body is at most ${BODY_LIMITS.admin} bytes`),
  );
  app.use("/v1/admin/*", sameOriginWrites(deps.origin));
  app.use("/v1/admin/*", async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
  });
  app.route("/", adminRoutes(deps));
  app.route("/", witnessAppRoutes(deps));
  app.route("/", openApiRoutes(deps, DOCUMENTED_ROUTES));

  const { sdk, dashboard } = deps.assets ?? {};
  app.use("/sdk/*", publicResource);
  if (sdk) app.use("/sdk/*", sdk);
  // A chunk of another recent build (a rolling deploy, a cached loader, a tab left open).
  app.use("/sdk/*", archivedSdk(deps.db));
  if (dashboard) {
    app.get("/admin", (c) => c.redirect("/admin/"));
    app.use("/admin/*", async (c, next) => {
      c.header("Content-Security-Policy", DASHBOARD_CSP);
      c.header("X-Frame-Options", "DENY");
      await next();
    });
    app.use("/admin/*", dashboard);
  }
  if (dashboard) app.get("/", (c) => c.redirect("/admin/"));
  return app;
}

/** The dashboard runs under a strict policy: no inline script or style, no framing. */
export const DASHBOARD_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

/** Every route the app serves, as declared beside its handler: the OpenAPI document's paths. */
const DOCUMENTED_ROUTES = [
  loaderRoute,
  siteConfigRoute,
  receiptCreateRoute,
  receiptReadRoute,
  jwksRoute,
  logCheckpointRoute,
  logVkeyRoute,
  logTileRoute,
  receiptProofRoute,
  ...adminRouteSpecs,
  ...witnessRouteSpecs,
];
