import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { closeThread, startModuleThread, threadCalls, threadReady } from "./module-thread";

const dir = mkdtempSync(join(tmpdir(), "assent-thread-"));
writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A thread module that answers `{ id, n }` with `n * 2` from `language`, or fails on a negative. */
function threadModule(name: string, language: string, typed: boolean): URL {
  const n = typed ? "n: number" : "n";
  writeFileSync(
    join(dir, name),
    `import { parentPort } from "node:worker_threads";
const double = (${n}) => n * 2;
parentPort.on("message", (m) => {
  if (m.close) return parentPort.close();
  if (m.n < 0) return parentPort.postMessage({ id: m.id, error: "negative", code: "E_NEG" });
  parentPort.postMessage({ id: m.id, result: { doubled: double(m.n), language: "${language}" } });
});
parentPort.postMessage({ ready: true });
`,
  );
  return pathToFileURL(join(dir, name.replace(/\.ts$/, ".js")));
}

describe("module threads", () => {
  it("runs a TypeScript module from source when no built file is beside it", async () => {
    const worker = startModuleThread(threadModule("from-source.ts", "ts", true));
    await threadReady(worker);
    const call = threadCalls<{ n: number }, { doubled: number; language: string }>(worker);
    expect(await call({ n: 21 })).toEqual({ doubled: 42, language: "ts" });
    await closeThread(worker);
  }, 30_000);

  it("runs the built file when there is one", async () => {
    const url = threadModule("built.js", "js", false);
    threadModule("built.ts", "ts", true);
    const worker = startModuleThread(url);
    const call = threadCalls<{ n: number }, { language: string }>(worker);
    expect((await call({ n: 1 })).language).toBe("js");
    await closeThread(worker);
  }, 30_000);

  it("rejects a call with the thread's error and code", async () => {
    const worker = startModuleThread(threadModule("fails.ts", "ts", true));
    const call = threadCalls<{ n: number }, unknown>(worker);
    await expect(call({ n: -1 })).rejects.toMatchObject({ message: "negative", code: "E_NEG" });
    await closeThread(worker);
  }, 30_000);

  it("refuses a module that is not there, and reports a thread that fails to load", async () => {
    expect(() => startModuleThread(pathToFileURL(join(dir, "missing.js")))).toThrow(/no thread/);
    writeFileSync(join(dir, "broken.ts"), 'throw new Error("cannot load");\n');
    const worker = startModuleThread(pathToFileURL(join(dir, "broken.js")));
    await expect(threadReady(worker)).rejects.toThrow(/cannot load/);
  }, 30_000);
});
