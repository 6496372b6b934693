/**
 * Where each catalogue service's scripts and frames load from: all the loader needs to recognise
 * content from a service (auto-blocking), kept apart from the rest of the catalogue so that the
 * loader does not carry names, purposes and policies (the published config does). One line per
 * service: id, default category, then host patterns. A host matches its sub-domains too; a path
 * after it must be contained in the URL's path. The longest matching pattern across services wins.
 */
const TABLE = `google-analytics analytics googletagmanager.com google-analytics.com
google-ads marketing googleadservices.com doubleclick.net
meta-pixel marketing facebook.net
facebook-social embeds facebook.net/sdk.js facebook.com/plugins/
twitter embeds twitter.com
youtube embeds youtube.com youtube-nocookie.com
vimeo embeds vimeo.com
flickr embeds flickr.com
linkedin-insight marketing licdn.com
hotjar analytics hotjar.com
microsoft-clarity analytics clarity.ms`;

/** A catalogue service as the loader knows it. */
export interface KnownHosts {
  id: string;
  category: string;
  hosts: string[];
}

/** Every catalogue service's id, default category and host patterns. */
export const CATALOGUE_HOSTS: readonly KnownHosts[] = TABLE.split("\n").map((line) => {
  const [id = "", category = "", ...hosts] = line.split(" ");
  return { id, category, hosts };
});
