/**
 * Where each catalogue service loads from, after its default category: all the loader needs to
 * recognise content from a service (auto-blocking), kept apart from the rest of the catalogue so
 * that the loader does not carry names, purposes and policies (the published config does). A
 * host matches its sub-domains too; a path after it must be contained in the URL's path. The
 * longest matching pattern across services wins.
 */
export const CATALOGUE_HOSTS: Readonly<Record<string, readonly string[]>> = {
  "google-analytics": ["analytics", "googletagmanager.com", "google-analytics.com"],
  "google-ads": ["marketing", "googleadservices.com", "doubleclick.net", "googlesyndication.com"],
  "meta-pixel": ["marketing", "connect.facebook.net", "facebook.com/tr"],
  "facebook-social": ["embeds", "connect.facebook.net/sdk.js", "facebook.com/plugins/"],
  twitter: ["embeds", "platform.twitter.com", "twimg.com"],
  youtube: ["embeds", "youtube.com", "youtube-nocookie.com", "ytimg.com"],
  vimeo: ["embeds", "vimeo.com", "vimeocdn.com"],
  flickr: ["embeds", "flickr.com", "staticflickr.com"],
  "linkedin-insight": ["marketing", "licdn.com", "ads.linkedin.com"],
  hotjar: ["analytics", "hotjar.com", "hotjar.io"],
  "microsoft-clarity": ["analytics", "clarity.ms"],
};
