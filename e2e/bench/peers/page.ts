/**
 * The seed-shaped page every consent manager is measured on: a membership body's home page (the
 * demo's, `apps/demo/site/index.html`) running GA4's gtag snippet, the Meta pixel, an X share
 * button with its widgets script, and a YouTube embed. Each manager gates the same five tags the
 * way it documents ({@link Gate}); the page without a manager runs them as pasted.
 */

/** A tag as the site owner pastes it: an external script, an inline script, or an embed. */
export type Tag =
  | { kind: "external"; category: Category; service: string; src: string; id: string }
  | { kind: "inline"; category: Category; service: string; code: string; id: string }
  | { kind: "embed"; category: Category; service: string; src: string; id: string };

/** The categories every manager is configured with (besides the necessary one). */
export const CATEGORIES = ["analytics", "marketing", "embeds"] as const;
export type Category = (typeof CATEGORIES)[number];

/** How one consent manager turns a tag into markup that waits for consent. */
export type Gate = (tag: Tag) => string;

const GA_ID = "G-DEMO123456";

/** The page's third-party tags, in document order: head first, then body. */
export const HEAD_TAGS: Tag[] = [
  {
    kind: "external",
    category: "analytics",
    service: "google-analytics",
    id: "ga-library",
    src: `https://www.googletagmanager.com/gtag/js?id=${GA_ID}`,
  },
  {
    kind: "inline",
    category: "analytics",
    service: "google-analytics",
    id: "ga-config",
    code: `window.dataLayer = window.dataLayer || [];
    function gtag(){ dataLayer.push(arguments); }
    gtag("js", new Date());
    gtag("config", "${GA_ID}");`,
  },
  {
    kind: "inline",
    category: "marketing",
    service: "meta-pixel",
    id: "meta-pixel",
    code: `!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?
    n.callMethod.apply(n,arguments):n.queue.push(arguments)};if(!f._fbq)f._fbq=n;n.push=n;
    n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;
    s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window,document,'script',
    'https://connect.facebook.net/en_US/fbevents.js');
    fbq('init', '123456789012345');
    fbq('track', 'PageView');`,
  },
];

export const VIDEO: Tag = {
  kind: "embed",
  category: "embeds",
  service: "youtube",
  id: "keynote",
  src: "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
};

export const SHARE_SCRIPT: Tag = {
  kind: "external",
  category: "embeds",
  service: "twitter",
  id: "twitter-widgets",
  src: "https://platform.twitter.com/widgets.js",
};

const EMBED_ATTRS = `width="560" height="315" title="Freelancer Day keynote (YouTube)"
                    allow="encrypted-media; picture-in-picture" allowfullscreen`;

/** The tags as pasted, for the page without a consent manager. */
export const ungated: Gate = (tag) => {
  if (tag.kind === "external") return `<script async src="${tag.src}" id="${tag.id}"></script>`;
  if (tag.kind === "inline") return `<script id="${tag.id}">\n    ${tag.code}\n  </script>`;
  return `<iframe src="${tag.src}" id="${tag.id}" ${EMBED_ATTRS}></iframe>`;
};

/** The attributes every gated iframe keeps (size and title), so managers can swap the src. */
export const embedAttributes = (tag: Tag) => `id="${tag.id}" ${EMBED_ATTRS}`;

/** What a consent manager adds to the page besides its gating. */
export interface PageParts {
  /** Markup first in `<head>` (the manager's scripts and styles). */
  head: string;
  /** Attributes of the footer's "Cookie settings" button that open the manager's settings. */
  settingsButton: string;
  gate: Gate;
}

/** How many articles the long page's archive holds (about 600 KB of HTML). */
export const LONG_PAGE_ARTICLES = 4000;

/** An archive of `articles` short articles, for the long page (empty for none). */
export const archive = (articles: number): string =>
  articles > 0
    ? `<section id="archive" aria-labelledby="archive-title"><h2 id="archive-title">Archive</h2>
      ${"<article><h3>Minutes of the annual meeting</h3><p>Members discussed late payment, contract review and the insurance scheme, with questions from the floor.</p></article>".repeat(articles)}
    </section>`
    : "";

/**
 * The whole page, as a file of the customer's site; `articles` makes it long (an archive after
 * the three columns, before the footer and the share button's script).
 */
export function seedPage(title: string, parts: PageParts, articles = 0): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
  ${parts.head}
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Guild of Independent Makers (${title})</title>
  <link rel="stylesheet" href="/style.css">
  <!-- Three columns from the first paint: the page itself never shifts while it is parsed, so
       any layout shift measured is the consent manager's. -->
  <style>.grid { grid-template-columns: repeat(3, minmax(0, 1fr)); }</style>
  ${HEAD_TAGS.map(parts.gate).join("\n  ")}
</head>
<body>
  <header>
    <a class="logo" href="/">Guild of Independent Makers</a>
    <nav aria-label="Main">
      <a href="#news">News</a>
      <a href="#events">Events</a>
      <a href="/privacy.html">Privacy</a>
      <a class="join" href="#join">Join the Guild</a>
    </nav>
  </header>

  <main>
    <section class="hero">
      <h1>Representing one in seven people working today</h1>
      <p>We campaign for a better deal for freelancers, contractors and makers, and give our members
        insurance, legal advice and a community of peers.</p>
    </section>

    <div class="grid">
      <section id="news" aria-labelledby="news-title">
        <h2 id="news-title">News</h2>
        <article>
          <h3>Late payment: our evidence to the select committee</h3>
          <p class="meta">12 November</p>
          <p>Members told us what sixty-day terms mean for a one-person business.</p>
          <a class="twitter-share-button" href="https://twitter.com/intent/tweet?text=Late%20payment%20evidence">Share on X</a>
        </article>
        <article>
          <h3>Self-assessment: five dates to put in your diary</h3>
          <p class="meta">3 November</p>
          <p>From payments on account to the January deadline.</p>
        </article>
      </section>

      <section id="events" aria-labelledby="events-title">
        <h2 id="events-title">Events</h2>
        <article>
          <h3>Freelancer Day conference</h3>
          <p class="meta">London, 18 January</p>
          <p>Talks, workshops and the annual awards. Watch last year's keynote:</p>
          <div class="video">
            ${parts.gate(VIDEO)}
          </div>
        </article>
      </section>

      <section id="join" aria-labelledby="join-title">
        <h2 id="join-title">Join the Guild</h2>
        <p>Membership from £12 a month, with tax investigation cover and a contract review service.</p>
        <p><a class="join" href="#join">Become a member</a></p>
      </section>
    </div>
    ${archive(articles)}
  </main>

  <footer>
    <p>Guild of Independent Makers is a company limited by guarantee. <a href="/privacy.html">Privacy policy</a> ·
      <button type="button" ${parts.settingsButton}>Cookie settings</button></p>
  </footer>

  ${parts.gate(SHARE_SCRIPT)}
</body>
</html>
`;
}
