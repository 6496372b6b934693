import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "./catalogue";
import { matchHost, serviceForUrl, serviceMatcher } from "./host-match";
import { pageServices, withCatalogueHosts } from "./page-services";
import { completeService } from "./services";

/** What a browser's URL parser gives for an absolute http(s) or ws(s) URL (enough here). */
function url(href: string) {
  const [, hostname = "", pathname = "/"] =
    /^(?:https?|wss?):\/\/(?:[^@/]*@)?([^/?#:]+)[^/?#]*([^?#]*)/i.exec(href) ?? [];
  return { hostname: hostname.toLowerCase(), pathname: pathname || "/" };
}

const idFor = (href: string) => serviceForUrl(url(href), CATALOGUE)?.id;

describe("host matching", () => {
  it("matches a host and its sub-domains, never a look-alike", () => {
    expect(
      matchHost(url("https://www.google-analytics.com/g/collect"), "google-analytics.com"),
    ).toBe(20);
    expect(matchHost(url("https://google-analytics.com/"), "google-analytics.com")).toBeGreaterThan(
      0,
    );
    expect(matchHost(url("https://evilgoogle-analytics.com/"), "google-analytics.com")).toBe(0);
    expect(matchHost(url("https://google-analytics.com.evil.test/"), "google-analytics.com")).toBe(
      0,
    );
    expect(matchHost(url("https://WWW.YouTube.COM/embed/x"), "youtube.com")).toBeGreaterThan(0);
    expect(matchHost(url("https://user@flickr.com:443/p"), "flickr.com")).toBeGreaterThan(0);
    expect(matchHost(url("https://evil.test/?https://flickr.com/"), "flickr.com")).toBe(0);
  });

  it("matches a fully qualified host name's trailing dot as the same host", () => {
    expect(matchHost(url("https://www.facebook.com./tr?id=1"), "facebook.com/tr")).toBe(15);
    expect(matchHost(url("https://facebook.com./tr"), "facebook.com/tr")).toBe(15);
    expect(
      serviceMatcher(CATALOGUE)(url("https://connect.facebook.net./en_US/fbevents.js"))?.id,
    ).toBe("meta-pixel");
    expect(matchHost(url("https://facebook.com.evil.test./tr"), "facebook.com/tr")).toBe(0);
  });

  it("needs the path to contain the pattern's path, when it has one", () => {
    expect(matchHost(url("https://www.facebook.com/tr?id=1&ev=PageView"), "facebook.com/tr")).toBe(
      15,
    );
    expect(matchHost(url("https://www.facebook.com/plugins/like.php"), "facebook.com/tr")).toBe(0);
    expect(matchHost(url("https://www.facebook.com/?q=/tr"), "facebook.com/tr")).toBe(0);
    const sdk = "connect.facebook.net/sdk.js";
    expect(matchHost(url("https://connect.facebook.net/en_GB/sdk.js"), sdk)).toBeGreaterThan(0);
    expect(matchHost(url("https://connect.facebook.net/en_GB/fbevents.js"), sdk)).toBe(0);
  });

  it("reads a pattern's path as whole segments", () => {
    const pixel = "facebook.com/tr";
    expect(matchHost(url("https://www.facebook.com/tr/"), pixel)).toBe(15);
    expect(matchHost(url("https://www.facebook.com/v2/tr"), pixel)).toBe(15);
    expect(matchHost(url("https://www.facebook.com/translate"), pixel)).toBe(0);
    expect(matchHost(url("https://www.facebook.com/trx/tr.gif"), pixel)).toBe(0);
    expect(
      matchHost(url("https://www.google.com/pagead/1p-user-list/1"), "google.com/pagead/"),
    ).toBe(18);
    expect(matchHost(url("https://www.google.com/pageads"), "google.com/pagead")).toBe(0);
  });

  it("knows the pixels, collect endpoints and CDN hosts trackers really load from", () => {
    expect(idFor("https://www.facebook.com/tr?id=1&ev=PageView&noscript=1")).toBe("meta-pixel");
    expect(idFor("https://www.facebook.com/guild.of.makers")).toBeUndefined();
    expect(idFor("https://www.google-analytics.com/g/collect?v=2&tid=G-1")).toBe(
      "google-analytics",
    );
    expect(idFor("https://region1.analytics.google.com/g/collect?v=2")).toBe("google-analytics");
    expect(idFor("https://analytics.google.com/analytics/web/")).toBeUndefined();
    expect(idFor("https://www.google.com/pagead/1p-conversion/1/")).toBe("google-ads");
    expect(idFor("https://www.google.com/maps/embed?pb=1")).toBeUndefined();
    expect(idFor("https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js")).toBe(
      "google-ads",
    );
    expect(idFor("https://live.staticflickr.com/65535/1_abc_b.jpg")).toBe("flickr");
    expect(idFor("https://i.ytimg.com/vi/abc/hqdefault.jpg")).toBe("youtube");
    expect(idFor("https://i.vimeocdn.com/video/1.jpg")).toBe("vimeo");
    expect(idFor("https://pbs.twimg.com/media/x.jpg")).toBe("twitter");
    expect(idFor("https://t.co/i/adsct?p_id=1")).toBe("twitter");
    expect(idFor("https://t.co/abc")).toBeUndefined();
    expect(idFor("https://px.ads.linkedin.com/collect/?pid=1")).toBe("linkedin-insight");
    expect(idFor("https://www.linkedin.com/company/guild")).toBeUndefined();
    expect(idFor("https://scontent.xx.fbcdn.net/v/t1.jpg")).toBe("facebook-social");
  });

  it("knows where trackers send beacons, requests and sockets from code (XHR, fetch, WebSocket)", () => {
    expect(idFor("wss://ws.hotjar.com/api/v2/client/ws")).toBe("hotjar");
    expect(idFor("https://in.hotjar.com/api/v2/client/sites/1/visit-data")).toBe("hotjar");
    expect(idFor("https://y.clarity.ms/collect")).toBe("microsoft-clarity");
    expect(idFor("https://connect.facebook.net/signals/config/1?v=2.9")).toBe("meta-pixel");
    expect(idFor("https://www.google.com/ccm/collect?en=page_view")).toBe("google-ads");
    expect(idFor("https://www.google.com/search?q=collect")).toBeUndefined();
    expect(idFor("https://px.ads.linkedin.com/wa/")).toBe("linkedin-insight");
  });

  it("reads only the host and path, never the query", () => {
    expect(idFor("https://example.org/?u=https://youtube.com")).toBeUndefined();
    expect(idFor("https://example.org/youtube.com/embed")).toBeUndefined();
  });

  it("finds the catalogue service of the seed sites' third parties, most specific first", () => {
    expect(idFor("https://www.googletagmanager.com/gtag/js?id=G-1")).toBe("google-analytics");
    expect(idFor("https://region1.google-analytics.com/g/collect")).toBe("google-analytics");
    expect(idFor("https://www.google-analytics.com.evil.test/x.js")).toBeUndefined();
    expect(idFor("https://stats.g.doubleclick.net/g/collect")).toBe("google-ads");
    expect(idFor("https://www.facebook.com/v19.0/plugins/like.php")).toBe("facebook-social");
    expect(idFor("https://connect.facebook.net/en_US/fbevents.js")).toBe("meta-pixel");
    expect(idFor("https://connect.facebook.net/en_GB/sdk.js")).toBe("facebook-social");
    expect(idFor("https://www.facebook.com/plugins/share_button.php")).toBe("facebook-social");
    expect(idFor("https://platform.twitter.com/widgets.js")).toBe("twitter");
    expect(idFor("https://www.youtube.com/embed/abc")).toBe("youtube");
    expect(idFor("https://www.youtube-nocookie.com/embed/abc")).toBe("youtube");
    expect(idFor("https://player.vimeo.com/video/1")).toBe("vimeo");
    expect(idFor("https://embedr.flickr.com/assets/client-code.js")).toBe("flickr");
    expect(idFor("https://snap.licdn.com/li.lms-analytics/insight.min.js")).toBe(
      "linkedin-insight",
    );
    expect(idFor("https://static.hotjar.com/c/hotjar-1.js")).toBe("hotjar");
    expect(idFor("https://www.clarity.ms/tag/abc")).toBe("microsoft-clarity");
    expect(idFor("https://cdn.example.org/app.js")).toBeUndefined();
  });

  it("keeps a catalogue service's own hosts when a site lists it with fewer or none", () => {
    const services = withCatalogueHosts(
      [
        { id: "meta-pixel", category: "marketing", hosts: [] },
        { id: "hotjar", category: "analytics", hosts: ["example-heatmaps.test"] },
      ].map(completeService),
    );
    expect(serviceForUrl(url("https://connect.facebook.net/en_US/fbevents.js"), services)?.id).toBe(
      "meta-pixel",
    );
    expect(serviceForUrl(url("https://static.hotjar.com/c/h.js"), services)?.id).toBe("hotjar");
    expect(serviceForUrl(url("https://cdn.example-heatmaps.test/h.js"), services)?.id).toBe(
      "hotjar",
    );
  });

  it("lets a site's own service claim its hosts, and overrides win over the catalogue", () => {
    const services = withCatalogueHosts(
      pageServices(
        [
          { id: "mailer", category: "marketing", hosts: ["list-manage.com"] },
          { id: "youtube", category: "marketing" },
        ].map(completeService),
      ),
    );
    expect(serviceForUrl(url("https://static.hotjar.com/c/h.js"), services)?.category).toBe(
      "analytics",
    );
    expect(serviceForUrl(url("https://x.list-manage.com/subscribe.js"), services)?.id).toBe(
      "mailer",
    );
    const youtube = serviceForUrl(url("https://www.youtube.com/embed/x"), services);
    expect(youtube?.category).toBe("marketing");
    expect(youtube?.name).toBe("YouTube");
  });
});

describe("serviceMatcher", () => {
  it("answers as serviceForUrl does, first time and remembered, for catalogue and other hosts", () => {
    const hosts = CATALOGUE.flatMap((s) => s.hosts ?? []);
    const serviceOf = serviceMatcher(CATALOGUE);
    const host = fc.oneof(
      fc.constantFrom(...hosts.map((h) => h.split("/")[0] as string)),
      fc.constantFrom("www.guild.test", "cdn.guild.test", "notfacebook.com", "facebook.com.evil"),
    );
    const path = fc.oneof(
      fc.constantFrom(...hosts.map((h) => h.slice(h.indexOf("/") >>> 0 || h.length) || "/")),
      fc.constantFrom("/", "/tr", "/tr/x", "/translate", "/g/collect", "/embed/x"),
    );
    fc.assert(
      fc.property(fc.constantFrom("", "www.", "a.b."), host, path, (sub, hostname, pathname) => {
        const parts = { hostname: `${sub}${hostname}`, pathname };
        const expected = serviceForUrl(parts, CATALOGUE)?.id;
        expect(serviceOf(parts)?.id).toBe(expected);
        expect(serviceOf(parts)?.id).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
