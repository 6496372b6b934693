/** A property name a script may write bare: an identifier (`__proto__` is always written quoted). */
const BARE_KEY = /^[A-Za-z_$][\w$]*$/;

/**
 * `value` (a JSON value) as a JavaScript expression that is also safe anywhere in a script: the
 * JSON text, with property names that are identifiers written bare (`{config:{siteKey:"demo"}}`,
 * about 20 B gzip less on every page view of the demo's loader), and no `</script>` or line
 * separators. `__proto__` is written computed (`["__proto__"]:`), so it stays an own property
 * as in `JSON.parse`, never the object's prototype.
 * @example scriptLiteral({ a: 1, "b-c": "</script>" }) // '{a:1,"b-c":"\\u003c/script>"}'
 */
export function scriptLiteral(value: unknown): string {
  // Through JSON first: what JSON leaves out (undefined, functions) is left out here too.
  return write(JSON.parse(JSON.stringify(value) ?? "null"))
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

function write(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(write).join(",")}]`;
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const members = Object.entries(value).map(([key, item]) => `${name(key)}:${write(item)}`);
  return `{${members.join(",")}}`;
}

function name(key: string): string {
  if (key === "__proto__") return `[${JSON.stringify(key)}]`;
  return BARE_KEY.test(key) ? key : JSON.stringify(key);
}
