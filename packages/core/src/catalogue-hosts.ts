/**
 * What the loader needs to know of each catalogue service, kept apart from the rest of the
 * catalogue so that the loader does not carry names, purposes and policies (the published config
 * does): where its tags, pixels, collect endpoints, embeds and CDN files load from, and every
 * first-party cookie and `localStorage` key its tags set. The loader recognises content with the
 * hosts (auto-blocking) and clears the cookies and keys on withdrawal, whether or not the site
 * lists the service.
 *
 * One line per service: `id category hosts | cookies | storage`. A host matches its sub-domains
 * too; a path after it must appear in the URL's path as whole segments (`facebook.com/tr` is
 * `/tr` and `/tr/`, never `/translate`), for hosts that also serve pages of their own. The longest
 * matching pattern across services wins. A cookie is `name:days` (0: a session cookie); a name or
 * storage key ending in `*` is a prefix.
 */
const TABLE = `google-analytics analytics googletagmanager.com google-analytics.com analytics.google.com/g/collect | _ga:730 _ga_*:730 _gid:1 _gat*:0 _gcl_au:90 |
google-ads marketing googleadservices.com doubleclick.net googlesyndication.com google.com/pagead google.com/ccm/collect | _gcl_*:90 _gac_*:90 FPGCLAW:90 |
meta-pixel marketing facebook.net facebook.com/tr | _fbp:90 _fbc:90 |
facebook-social embeds facebook.net/sdk.js facebook.com/plugins fbcdn.net | |
twitter embeds twitter.com x.com twimg.com t.co/i/adsct | |
youtube embeds youtube.com youtube-nocookie.com ytimg.com | | yt-* ytidb::*
vimeo embeds vimeo.com vimeocdn.com | |
flickr embeds flickr.com staticflickr.com | |
linkedin-insight marketing licdn.com ads.linkedin.com linkedin.com/px linkedin.com/collect | li_fat_id:30 li_sugr:90 |
hotjar analytics hotjar.com hotjar.io | _hj*:365 | _hj*
microsoft-clarity analytics clarity.ms | _clck:365 _clsk:1 |`;

/** A catalogue service as the loader knows it. */
export interface KnownHosts {
  id: string;
  category: string;
  hosts: string[];
  /** The first-party cookies its tags set: a name or `prefix*`, and the lifetime in days. */
  cookies: Array<{ name: string; days: number }>;
  /** The `localStorage` keys its tags set: a name or `prefix*`. */
  storage: string[];
}

const words = (text = "") => text.split(" ").filter(Boolean);

/** Every catalogue service's id, default category, hosts, cookies and storage keys. */
export const CATALOGUE_HOSTS: readonly KnownHosts[] = TABLE.split("\n").map((line) => {
  const [head, cookies, storage] = line.split("|");
  const [id = "", category = "", ...hosts] = words(head);
  return {
    id,
    category,
    hosts,
    cookies: words(cookies).map((c) => {
      const at = c.lastIndexOf(":");
      return { name: c.slice(0, at), days: +c.slice(at + 1) };
    }),
    storage: words(storage),
  };
});
