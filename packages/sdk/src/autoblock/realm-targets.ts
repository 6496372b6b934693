import type { Engine } from "./engine";

type Realm = Window & typeof globalThis;
type Submitter = HTMLButtonElement | HTMLInputElement | null | undefined;

/**
 * Holds a frame that is about to navigate to a denied tracker's `url` (`true`): the frame was
 * leaving its document for the tracker's, so it shows the placeholder instead (a cancelled
 * navigation would also leave that document's load, and the page's, pending).
 */
export function holdNavigation(engine: Engine, frame: Element, url: string): boolean {
  if (!engine.denied(url) || engine.released(frame, url)) return false;
  if (engine.hold(frame, "src", url)) frame.removeAttribute("srcdoc");
  return true;
}

/**
 * Holds the iframe of `doc` that the target `name` navigates to `url`, a denied tracker's (not
 * `_blank`, `_self`, `_parent` or `_top`, which are no frame): the frame, or `null`.
 */
export function holdTarget(
  engine: Engine,
  doc: Document,
  name: string | null | undefined,
  url: string,
): Element | null {
  const frame =
    name && !/^_/.test(name) ? doc.querySelector(`iframe[name="${CSS.escape(name)}"]`) : null;
  return frame && holdNavigation(engine, frame, url) ? frame : null;
}

/**
 * Holds the frame that a link, or a form (its submitter's `formtarget`, `formaction` and
 * `formmethod` first), would navigate to a denied tracker (`true`). The target is the element's
 * own or `<base target>`'s; a GET form's URL has the form's data as its query, as the browser
 * builds it.
 */
function holdFollowed(engine: Engine, el: Element, by?: Submitter): boolean {
  const own = (attr: string) => by?.getAttribute(`form${attr}`) ?? el.getAttribute(attr);
  const doc = el.ownerDocument;
  const form = el.localName === "form";
  const method = String(own("method"));
  try {
    const url = new URL(
      form ? own("action") || doc.URL : (el as HTMLAnchorElement).href,
      el.baseURI,
    );
    if (/^dialog$/i.test(method) || !engine.denied(url.href)) return false;
    if (form && !/^post$/i.test(method))
      url.search = String(new URLSearchParams(new FormData(el as HTMLFormElement, by) as never));
    const name = own("target") ?? doc.querySelector("base[target]")?.getAttribute("target");
    return !!holdTarget(engine, doc, name, url.href);
  } catch {
    return false; // No URL: no navigation either.
  }
}

/** A link's click: held unless it opens a new tab or window (a modifier key, another button). */
const onClick = (engine: Engine) => (event: Event) => {
  const e = event as MouseEvent;
  const link = (e.composedPath()[0] as Element).closest?.("a[href],area[href]");
  if (
    link &&
    !e.defaultPrevented &&
    !(e.button || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) &&
    holdFollowed(engine, link)
  )
    e.preventDefault();
};

/**
 * Links (`<a>`, `<area>`) and forms in one realm that navigate a frame by its name (`target`,
 * `formtarget`, `<base target>`) to a denied tracker: the frame is held, as for
 * `window.open(url, name)`, and the navigation cancelled before it starts. A frame still on its
 * initial `about:blank` gets no `navigate` event, so this is where they are seen. A link the page
 * never inserted navigates when clicked too; `form.submit()` fires no `submit` event.
 */
export function patchTargets(win: Realm, engine: Engine): void {
  const follow = onClick(engine);
  const A = win.HTMLAnchorElement.prototype;
  const click = A.click;
  A.click = function (this: HTMLAnchorElement) {
    if (this.isConnected) return click.call(this);
    // Its click reaches no document: watched on the link itself.
    this.addEventListener("click", follow, true);
    click.call(this);
    this.removeEventListener("click", follow, true);
  };
  const F = win.HTMLFormElement.prototype;
  const submit = F.submit;
  F.submit = function (this: HTMLFormElement) {
    if (!this.isConnected || !holdFollowed(engine, this)) submit.call(this);
  };
}

/**
 * The clicks and submissions of one document, seen first (capture) and left alone when the page
 * has cancelled them already.
 */
export function watchTargets(doc: Document, engine: Engine): void {
  doc.addEventListener("click", onClick(engine), true);
  doc.addEventListener(
    "submit",
    (e) => {
      const by = (e as SubmitEvent).submitter as Submitter;
      if (!e.defaultPrevented && holdFollowed(engine, e.target as Element, by)) e.preventDefault();
    },
    true,
  );
}
