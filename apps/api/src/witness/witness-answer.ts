/** A submission's failure as stored on the witness's row (status 0: not reached). */
export interface WitnessFailure {
  status: number;
  code: string;
  message: string;
}

/** Largest answer read from a witness, bytes: a cosignature is a line, a refusal a sentence. */
export const MAX_WITNESS_ANSWER_BYTES = 64 * 1024;

/** Most characters of a `text/plain` refusal kept on the witness's row. */
export const TEXT_EXCERPT_CHARS = 100;

/** A witness answered more than `MAX_WITNESS_ANSWER_BYTES`: the rest was not read. */
export class WitnessAnswerTooLarge extends Error {
  readonly code = "WITNESS_ANSWER_TOO_LARGE";
  constructor() {
    super(
      `The witness answered more than ${MAX_WITNESS_ANSWER_BYTES} bytes; the rest was not read`,
    );
    this.name = "WitnessAnswerTooLarge";
  }
}

/** A witness's answer as text, read up to `max` bytes (`WitnessAnswerTooLarge` beyond). */
export async function answerText(res: Response, max = MAX_WITNESS_ANSWER_BYTES): Promise<string> {
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw new WitnessAnswerTooLarge();
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}

/** One line of printable text, at most `max` characters (control and format characters dropped). */
function printable(text: string, max: number): string {
  const line = text.replace(/[\p{Cc}\p{Cf}\s]+/gu, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * What a refusal (any status but 200 and 409-with-a-size) is stored as, shown to the site's
 * owners. A witness's JSON `{ error: { code, message } }` is kept (the code a word, the message
 * 300 characters at most): that is what a tlog-witness says about a checkpoint. Anything else is
 * `HTTP_<status>` with, for `text/plain`, its first `TEXT_EXCERPT_CHARS` characters on one line,
 * and for every other type (HTML, images, ...) nothing of the body: a URL that reaches something
 * other than a witness must not turn the owner's dashboard into a way to read it.
 */
export function failureOf(res: Response, body: string): WitnessFailure {
  const { status } = res;
  const type = (res.headers.get("Content-Type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "application/json") {
    try {
      const { error } = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
      const { code, message } = error ?? {};
      if (typeof code === "string" && /^[A-Za-z0-9_.-]{1,64}$/.test(code)) {
        return {
          status,
          code,
          message: typeof message === "string" ? printable(message, 300) : "",
        };
      }
    } catch {}
  }
  const code = `HTTP_${status}`;
  if (type === "text/plain" || !body) {
    const excerpt = type === "text/plain" ? printable(body, TEXT_EXCERPT_CHARS) : "";
    return { status, code, message: excerpt || `The witness answered HTTP ${status} with no text` };
  }
  const what = type || "a body of no content type";
  return { status, code, message: `The witness answered HTTP ${status} with ${what}, not kept` };
}
