import { runInNewContext } from "node:vm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scriptLiteral } from "./script-literal";

/** What a browser makes of the literal in a script. */
const evaluate = (literal: string): unknown => runInNewContext(`(${literal})`);

describe("scriptLiteral", () => {
  it("writes identifier names bare and every other name quoted", () => {
    expect(scriptLiteral({ siteKey: "demo", "service.x.name": 1, "a-b": [true, null] })).toBe(
      '{siteKey:"demo","service.x.name":1,"a-b":[true,null]}',
    );
  });

  it("keeps `</script>` and line separators out of the script", () => {
    const literal = scriptLiteral({ text: "</script><script>alert(1)</script>\u2028\u2029" });
    expect(literal).not.toMatch(/<|\u2028|\u2029/);
    expect(evaluate(literal)).toEqual({ text: "</script><script>alert(1)</script>\u2028\u2029" });
  });

  it("keeps `__proto__` an own property, never the prototype", () => {
    const value = JSON.parse('{"__proto__":{"polluted":true},"texts":{"__proto__":{"x":1}}}');
    const [read, plainPrototype] = runInNewContext(
      `((o) => [o, Object.getPrototypeOf(o) === Object.prototype])(${scriptLiteral(value)})`,
    ) as [Record<string, unknown>, boolean];
    expect(plainPrototype).toBe(true);
    expect(Object.hasOwn(read, "__proto__")).toBe(true);
    expect(JSON.stringify(read)).toBe(JSON.stringify(value));
  });

  it("leaves out what JSON leaves out", () => {
    expect(scriptLiteral({ a: undefined, b: () => 1, c: [undefined] })).toBe("{c:[null]}");
  });

  it("reads back as the JSON value it was given, whatever its names and texts", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const plain = JSON.parse(JSON.stringify(value));
        expect(JSON.stringify(evaluate(scriptLiteral(value)))).toBe(JSON.stringify(plain));
      }),
      { numRuns: 300 },
    );
  });
});
