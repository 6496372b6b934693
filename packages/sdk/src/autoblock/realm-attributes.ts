import type { Engine } from "./engine";

type Realm = Window & typeof globalThis;
type Setter = (this: Element, native: (v: unknown) => void, value: unknown) => void;

/** Replaces a property's setter on a prototype (found up its chain), keeping its getter. */
export function onSet(proto: object | undefined, prop: string, setter: Setter): void {
  let owner = proto;
  let desc: PropertyDescriptor | undefined;
  while (owner && !desc) {
    desc = Object.getOwnPropertyDescriptor(owner, prop);
    owner = Object.getPrototypeOf(owner);
  }
  const native = desc?.set;
  if (!proto || !desc || !native) return;
  Object.defineProperty(proto, prop, {
    ...desc,
    set(this: Element, value: unknown) {
      setter.call(this, (v) => native.call(this, v), value);
    },
  });
}

/** Every URL property that starts a fetch or a navigation, by interface: `[interface, prop]`. */
const URL_PROPERTIES = `HTMLScriptElement src
HTMLIFrameElement src
HTMLFrameElement src
HTMLImageElement src
HTMLImageElement srcset
HTMLSourceElement src
HTMLSourceElement srcset
HTMLLinkElement href
HTMLLinkElement imageSrcset
HTMLAnchorElement ping
HTMLAreaElement ping
HTMLObjectElement data
HTMLEmbedElement src
HTMLMediaElement src
HTMLVideoElement poster
HTMLTrackElement src
HTMLInputElement src`
  .split("\n")
  .map((line) => line.split(" ") as [string, string]);

/**
 * Attributes in one realm: the URL properties (SVG images' `href.baseVal` too), `srcdoc`, a held
 * script's `type`, and every way to set an attribute (`setAttribute`, `setAttributeNS`,
 * `setAttributeNode(NS)`, `attributes.setNamedItem(NS)`, an `Attr`'s `value`, `nodeValue` and
 * `textContent`). A denied tracker's URL is never set: it is kept as
 * `data-ATTRIBUTE` with the service's marks.
 */
export function patchAttributes(win: Realm, engine: Engine): void {
  const proto = (name: string) =>
    (win as unknown as Record<string, { prototype?: object }>)[name]?.prototype;
  for (const [iface, prop] of URL_PROPERTIES)
    onSet(proto(iface), prop, function (native, value) {
      if (!engine.hold(this, prop, String(value))) native(value);
    });
  onSet(proto("HTMLIFrameElement"), "srcdoc", (native, value) => {
    native(engine.sanitize(String(value), true));
  });
  // SVG's `image.href.baseVal = url` and `el.attributes.setNamedItem(attr)`: the animated string
  // and the attribute map know no element, so each is tied to its element when the page reads it.
  const owners = new WeakMap<object, Element>();
  const tie = (target: object | undefined, prop: string) => {
    const desc = target && Object.getOwnPropertyDescriptor(target, prop);
    const read = desc?.get;
    if (read)
      Object.defineProperty(target, prop, {
        ...desc,
        get(this: Element) {
          const value = read.call(this);
          owners.set(value, this);
          return value;
        },
      });
  };
  tie(proto("SVGImageElement"), "href");
  onSet(proto("SVGAnimatedString"), "baseVal", function (native, value) {
    const owner = owners.get(this);
    if (!owner || !engine.hold(owner, "href", String(value))) native(value);
  });
  onSet(proto("HTMLScriptElement"), "type", function (native, value) {
    if (!engine.attribute(this, "type", value)) native(value);
  });

  const El = win.Element.prototype;
  tie(El, "attributes");
  const { setAttribute, setAttributeNS, setAttributeNode } = El;
  El.setAttribute = function (this: Element, name: string, value: string) {
    if (!engine.attribute(this, String(name), value)) setAttribute.call(this, name, value);
  };
  El.setAttributeNS = function (this: Element, ns: string | null, name: string, value: string) {
    const local = String(name).split(":").pop() as string;
    if (!engine.attribute(this, local, value)) setAttributeNS.call(this, ns, name, value);
  };
  // An element's own methods, and its attribute map's (whose element is the one it was read from).
  type Methods = Record<string, typeof setAttributeNode>;
  const Named = win.NamedNodeMap.prototype;
  for (const [target, name] of [
    [El, "setAttributeNode"],
    [El, "setAttributeNodeNS"],
    [Named, "setNamedItem"],
    [Named, "setNamedItemNS"],
  ] as const) {
    const on = target as unknown as Methods;
    const native = on[name] as typeof setAttributeNode;
    on[name] = function (this: Element, attr: Attr) {
      const owner = owners.get(this) ?? this;
      return engine.attribute(owner, attr.localName, attr.value) ? null : native.call(this, attr);
    };
  }
  const onAttr: Setter = function (native, value) {
    const attr = this as unknown as Attr;
    const owner = attr.nodeType === 2 ? attr.ownerElement : null;
    if (!owner || !engine.attribute(owner, attr.localName, value)) native(value);
  };
  onSet(win.Attr.prototype, "value", onAttr);
  onSet(win.Node.prototype, "nodeValue", onAttr);
  onSet(win.Node.prototype, "textContent", onAttr);
}
