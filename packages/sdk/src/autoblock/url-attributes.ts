/**
 * The attributes that make an element fetch or navigate, by element (local name): a tracker URL
 * in any of them is held back as `data-ATTRIBUTE`. `link` covers every `rel` that fetches or
 * connects (stylesheet, preload, modulepreload, prefetch, preconnect, dns-prefetch, icon), and
 * an image preload's `imagesrcset`; a link's `ping` is posted to on a click (hyperlink auditing);
 * `script` covers SVG scripts' `href` too, and `image` is SVG's.
 */
export const URL_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  script: ["src", "href"],
  iframe: ["src"],
  frame: ["src"],
  img: ["src", "srcset"],
  source: ["src", "srcset"],
  link: ["href", "imagesrcset"],
  a: ["ping"],
  area: ["ping"],
  object: ["data"],
  embed: ["src"],
  video: ["src", "poster"],
  audio: ["src"],
  track: ["src"],
  input: ["src"],
  // SVG: `href`, or `xlink:href` (read and held as `href`, which SVG 2 loads the same way).
  image: ["href"],
};

/** Every attribute that may carry a URL to hold (what the observer watches). */
export const URL_ATTRIBUTE_NAMES = [...new Set(Object.values(URL_ATTRIBUTES).flat())];

/** Every element that may carry a URL to hold, as a selector (for sweeping a subtree). */
export const WITH_URL = Object.entries(URL_ATTRIBUTES)
  .flatMap(([tag, attrs]) => attrs.map((a) => `${tag}[${a}]`))
  // Any SVG image: `[href]` misses the XLink namespace's `xlink:href`.
  .concat("iframe[srcdoc]", "image")
  .join(",");

/**
 * Held elements that the loader's own gates do not release (scripts, `img[data-src]`,
 * `link[data-href]` and iframes are theirs): released by the auto-blocking script itself.
 */
export const HELD_HERE = [
  "[data-srcset]",
  "[data-imagesrcset]",
  "[data-ping]",
  "[data-data]",
  "[data-poster]",
  ...["source", "embed", "video", "audio", "track", "input", "frame"].map((t) => `${t}[data-src]`),
  "image[data-href]",
]
  .map((held) => `${held}:is([data-category],[data-service])`)
  .join(",");

/** The XLink namespace, of SVG's older `xlink:href`. */
export const XLINK = "http://www.w3.org/1999/xlink";

/** The URL attributes of an element (none for elements that load nothing). */
export const urlAttributes = (el: Element): readonly string[] => URL_ATTRIBUTES[el.localName] ?? [];

/** Markup that may carry a URL to hold: only such strings are parsed before the page gets them. */
export const MAY_HOLD = /(src|href|data|poster|srcset|srcdoc|ping)\s*=/i;
