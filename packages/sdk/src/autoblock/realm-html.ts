import type { Engine } from "./engine";
import { onSet } from "./realm-attributes";
import { MAY_HOLD } from "./url-attributes";

type Realm = Window & typeof globalThis;

// The browser's own insertion methods (not the swept ones): parsed nodes are already swept.
const { replaceChildren, prepend, append } = Element.prototype;
const { before, after, replaceWith } = Element.prototype;
const { append: fragmentAppend, replaceChildren: fragmentReplace } = DocumentFragment.prototype;

const SCRIPT = /<script/i;

/**
 * Whether markup must be parsed by the engine first: it may hold a URL, and it goes live, or it
 * has scripts (in a document with no window, whose nodes may go live later: the engine marks
 * them as the browser does, "already started").
 */
const mustParse = (node: Node, html: string) =>
  MAY_HOLD.test(html) && (!!node.ownerDocument?.defaultView || SCRIPT.test(html));

/**
 * Markup in one realm: `innerHTML` (elements and shadow roots), `outerHTML`,
 * `insertAdjacentHTML`, `setHTMLUnsafe`, `document.write`/`writeln`,
 * `Range.createContextualFragment` and `DOMParser.parseFromString`. Markup that may carry a URL
 * is parsed first in an inert document (nothing loads or runs there), as the browser would parse
 * it in place, its trackers held, and the nodes then inserted as the browser would have:
 * scripts from `innerHTML` stay inert, those of `createContextualFragment` run once inserted.
 */
export function patchHtml(win: Realm, engine: Engine): void {
  const { Element: El, ShadowRoot: S } = win;
  const parsedInto = (html: string, context: Node | null) => {
    const nodes = engine.parse(html, context);
    return { nodes, done: () => engine.inserted(nodes) };
  };

  const setChildren = function (this: Element, native: (v: unknown) => void, value: unknown) {
    const html = String(value);
    if (this.localName === "template") {
      native(value);
      // Its scripts are "already started", and so are those of every copy of its content.
      if (SCRIPT.test(html)) engine.inert((this as unknown as HTMLTemplateElement).content);
      return;
    }
    if (!mustParse(this, html)) return native(value);
    const { nodes, done } = parsedInto(html, this.nodeType === 1 ? this : null);
    (this.nodeType === 1 ? replaceChildren : fragmentReplace).apply(this, nodes);
    done();
  };
  onSet(El.prototype, "innerHTML", setChildren);
  onSet(S?.prototype, "innerHTML", setChildren);
  for (const proto of [El.prototype, S?.prototype] as unknown as Array<
    Record<string, unknown> | undefined
  >) {
    const native = proto?.setHTMLUnsafe as ((html: unknown) => void) | undefined;
    if (proto && native)
      proto.setHTMLUnsafe = function (this: Element, html: unknown) {
        setChildren.call(this, (v) => native.call(this, v), html);
      };
  }

  onSet(El.prototype, "outerHTML", function (native, value) {
    const html = String(value);
    const parent = this.parentNode;
    if (!parent || parent.nodeType === 9 || !mustParse(this, html)) return native(value);
    const { nodes, done } = parsedInto(html, parent);
    replaceWith.apply(this, nodes);
    done();
  });

  const adjacent = El.prototype.insertAdjacentHTML;
  const at = { beforebegin: before, afterbegin: prepend, beforeend: append, afterend: after };
  El.prototype.insertAdjacentHTML = function (this: Element, where: string, value: string) {
    const place = String(where).toLowerCase() as keyof typeof at;
    const outside = place === "beforebegin" || place === "afterend";
    const html = String(value);
    if (!at[place] || (outside && !this.parentElement) || !mustParse(this, html))
      return adjacent.call(this, where as InsertPosition, value);
    const { nodes, done } = parsedInto(html, outside ? this.parentElement : this);
    at[place].apply(this, nodes);
    done();
  };

  const D = win.Document.prototype;
  for (const name of ["write", "writeln"] as const) {
    const native = D[name];
    D[name] = function (this: Document, ...text: string[]) {
      const html = text.join("");
      native.call(this, this.defaultView && MAY_HOLD.test(html) ? engine.sanitize(html) : html);
    };
  }

  const R = win.Range.prototype;
  const contextual = R.createContextualFragment;
  R.createContextualFragment = function (this: Range, value: string) {
    const html = String(value);
    const doc = this.startContainer.ownerDocument ?? (this.startContainer as Document);
    if (!doc.defaultView || !MAY_HOLD.test(html)) return contextual.call(this, value);
    const start = this.startContainer;
    const context = start.nodeType === 1 ? start : start.parentElement;
    const fragment = doc.createDocumentFragment();
    fragmentAppend.apply(fragment, engine.parse(html, context));
    // Unlike innerHTML's, these scripts run once inserted: fresh elements, not "already started".
    for (const old of fragment.querySelectorAll("script")) {
      const script = doc.createElement("script");
      for (const { name, value } of old.attributes) script.setAttribute(name, value);
      script.text = old.text;
      replaceWith.call(old, script);
    }
    return fragment;
  };

  const P = win.DOMParser.prototype;
  const parse = P.parseFromString;
  P.parseFromString = function (this: DOMParser, text: string, type: DOMParserSupportedType) {
    const doc = parse.call(this, text, type);
    // Its scripts never run, even once inserted elsewhere: nothing to hold there.
    engine.inert(doc);
    engine.sweep(doc);
    return doc;
  };
}
