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
 * `setAttributeNode(NS)`, an `Attr`'s `value`, `nodeValue` and `textContent`). A denied tracker's URL is never set: it is kept as
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
  // SVG's `image.href.baseVal = url`: the animated string knows no element, so each is tied to
  // its image when the page reads it.
  const owners = new WeakMap<object, Element>();
  const image = proto("SVGImageElement");
  const href = image && Object.getOwnPropertyDescriptor(image, "href");
  if (image && href?.get) {
    const read = href.get;
    Object.defineProperty(image, "href", {
      ...href,
      get(this: Element) {
        const value = read.call(this);
        owners.set(value, this);
        return value;
      },
    });
  }
  onSet(proto("SVGAnimatedString"), "baseVal", function (native, value) {
    const owner = owners.get(this);
    if (!owner || !engine.hold(owner, "href", String(value))) native(value);
  });
  onSet(proto("HTMLScriptElement"), "type", function (native, value) {
    if (!engine.attribute(this, "type", value)) native(value);
  });

  const El = win.Element.prototype;
  const { setAttribute, setAttributeNS, setAttributeNode, setAttributeNodeNS } = El;
  El.setAttribute = function (this: Element, name: string, value: string) {
    if (!engine.attribute(this, String(name), value)) setAttribute.call(this, name, value);
  };
  El.setAttributeNS = function (this: Element, ns: string | null, name: string, value: string) {
    const local = String(name).split(":").pop() as string;
    if (!engine.attribute(this, local, value)) setAttributeNS.call(this, ns, name, value);
  };
  for (const [name, native] of [
    ["setAttributeNode", setAttributeNode],
    ["setAttributeNodeNS", setAttributeNodeNS],
  ] as const)
    (El as unknown as Record<string, unknown>)[name] = function (this: Element, attr: Attr) {
      return engine.attribute(this, attr.localName, attr.value) ? null : native.call(this, attr);
    };
  const onAttr: Setter = function (native, value) {
    const attr = this as unknown as Attr;
    const owner = attr.nodeType === 2 ? attr.ownerElement : null;
    if (!owner || !engine.attribute(owner, attr.localName, value)) native(value);
  };
  onSet(win.Attr.prototype, "value", onAttr);
  onSet(win.Node.prototype, "nodeValue", onAttr);
  onSet(win.Node.prototype, "textContent", onAttr);
}
