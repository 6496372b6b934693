/**
 * What the loader needs to know of each catalogue service, kept apart from the rest of the
 * catalogue so that the loader does not carry names, purposes and policies (the published config
 * does), in two tables, so that the default loader carries only the first:
 *
 * - `TRACES`, one line per service, `id category | cookies | storage`: every first-party cookie
 *   and `localStorage` key its tags set, cleared on withdrawal whether or not the site lists the
 *   service. A cookie is `name:days` (0: a session cookie); a name ending in `*` is a prefix.
 * - `HOSTS`, one line per service, `id hosts`: where its tags, pixels, collect endpoints, embeds
 *   and CDN files load from, for auto-blocking. A host matches its sub-domains too; a path after
 *   it must appear in the URL's path as whole segments (`facebook.com/tr` is `/tr` and `/tr/`,
 *   never `/translate`), for hosts that also serve pages of their own. The longest matching
 *   pattern across services wins.
 */
const TRACES = `google-analytics analytics | _ga:730 _ga_*:730 _gid:1 _gat*:0 _gcl_au:90 |
google-ads marketing | _gcl_*:90 _gac_*:90 FPGCLAW:90 |
meta-pixel marketing | _fbp:90 _fbc:90 |
facebook-social embeds | |
twitter embeds | |
youtube embeds | | yt-* ytidb::*
vimeo embeds | |
flickr embeds | |
linkedin-insight marketing | li_fat_id:30 li_sugr:90 |
hotjar analytics | _hj*:365 | _hj*
microsoft-clarity analytics | _clck:365 _clsk:1 |`;

const HOSTS = `google-analytics googletagmanager.com google-analytics.com analytics.google.com/g/collect
google-ads googleadservices.com doubleclick.net googlesyndication.com google.com/pagead google.com/ccm/collect
meta-pixel facebook.net facebook.com/tr
facebook-social facebook.net/sdk.js facebook.com/plugins fbcdn.net
twitter twitter.com x.com twimg.com t.co/i/adsct
youtube youtube.com youtube-nocookie.com ytimg.com
vimeo vimeo.com vimeocdn.com
flickr flickr.com staticflickr.com
linkedin-insight licdn.com ads.linkedin.com linkedin.com/px linkedin.com/collect
hotjar hotjar.com hotjar.io
microsoft-clarity clarity.ms`;

/** A catalogue service as the default loader knows it: enough to clear what its tags set. */
export interface KnownService {
  id: string;
  category: string;
  /** The first-party cookies its tags set: a name or `prefix*`, and the lifetime in days. */
  cookies: Array<{ name: string; days: number }>;
  /** The `localStorage` keys its tags set: a name or `prefix*`. */
  storage: string[];
}

const words = (text = "") => text.split(" ").filter(Boolean);

/** Every catalogue service's id, default category, cookies and storage keys. */
export const CATALOGUE_TRACES: readonly KnownService[] = TRACES.split("\n").map((line) => {
  const [head, cookies, storage] = line.split("|");
  const [id = "", category = ""] = words(head);
  return {
    id,
    category,
    cookies: words(cookies).map((c) => {
      const at = c.lastIndexOf(":");
      return { name: c.slice(0, at), days: +c.slice(at + 1) };
    }),
    storage: words(storage),
  };
});

const hostsById = (): Record<string, string[]> =>
  Object.fromEntries(
    HOSTS.split("\n").map((line) => {
      const [id = "", ...hosts] = words(line);
      return [id, hosts];
    }),
  );

/** Every catalogue service's host patterns, by id (left out of bundles that do not read it). */
export const CATALOGUE_HOSTS: Readonly<Record<string, string[]>> = /* @__PURE__ */ hostsById();
