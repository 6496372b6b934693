import type { Engine } from "./engine";

type Realm = Window & typeof globalThis;
type Method = (this: unknown, ...args: unknown[]) => unknown;

/**
 * Wraps a method so that the nodes it is given (`nodes(args)`) are swept before the browser acts
 * on them, and the frames among them protected once inserted.
 */
export function sweepBefore(
  proto: object | undefined,
  name: string,
  engine: Engine,
  nodes: (args: unknown[]) => unknown[],
): void {
  const target = proto as Record<string, Method> | undefined;
  const native = target?.[name];
  if (!target || !native) return;
  target[name] = function (this: unknown, ...args: unknown[]) {
    const given = nodes(args);
    for (const node of given) if ((node as Node)?.nodeType) engine.sweep(node as Node);
    // A fragment empties into its new parent: what it held is found through the parent.
    const frames = given.flatMap((node) =>
      (node as Node)?.nodeType === 11 ? [...(node as DocumentFragment).children] : [node],
    );
    const result = native.apply(this, args);
    engine.inserted(frames);
    return result;
  };
}

const first = (args: unknown[]) => args.slice(0, 1);
const all = (args: unknown[]) => args;
const second = (args: unknown[]) => args.slice(1, 2);

/**
 * Insertion in one realm: every `Node`, `ParentNode` and `ChildNode` method that connects a node
 * (`appendChild`, `insertBefore`, `replaceChild`, `append`, `prepend`, `replaceChildren`,
 * `before`, `after`, `replaceWith`, `insertAdjacentElement`, `moveBefore`), and the ways a node
 * changes document (`importNode`, `adoptNode`): what a node carries was set without the patched
 * setters when it was parsed elsewhere (a template, `DOMParser`, another document), so it is
 * swept before the browser sees it connected or in a live document. Copies (`cloneNode`,
 * `importNode`) keep their originals' marks.
 */
export function patchInsertion(win: Realm, engine: Engine): void {
  const { Node: N, Element: El, Document: D, DocumentFragment: F, CharacterData: C } = win;
  for (const name of ["appendChild", "insertBefore", "replaceChild"])
    sweepBefore(N.prototype, name, engine, first);
  for (const proto of [El.prototype, D.prototype, F.prototype])
    for (const name of ["append", "prepend", "replaceChildren", "moveBefore"])
      sweepBefore(proto, name, engine, name === "moveBefore" ? first : all);
  for (const proto of [El.prototype, C.prototype, win.DocumentType.prototype])
    for (const name of ["before", "after", "replaceWith"]) sweepBefore(proto, name, engine, all);
  sweepBefore(El.prototype, "insertAdjacentElement", engine, second);
  for (const name of ["importNode", "adoptNode"]) sweepBefore(D.prototype, name, engine, first);
  // A copy keeps what the browser keeps: whether its scripts were "already started".
  const { cloneNode } = N.prototype;
  N.prototype.cloneNode = function (this: Node, deep?: boolean) {
    const copy = cloneNode.call(this, deep);
    engine.cloned(this, copy);
    return copy;
  };
  const { importNode } = D.prototype;
  D.prototype.importNode = function (this: Document, node: Node, options?: unknown) {
    const copy = importNode.call(this, node, options as boolean);
    engine.cloned(node, copy);
    return copy;
  } as Document["importNode"];
}
