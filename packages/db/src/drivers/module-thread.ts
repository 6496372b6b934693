import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";

/**
 * Starts a worker thread on a module named by the URL of its JavaScript file, e.g.
 * `new URL("./committer.js", import.meta.url)`. A built file runs as is. From source (the
 * repository runs its TypeScript through tsx, `pnpm start` and the systemd unit included), the
 * thread runs the `.ts` file beside that URL through `from-source.cjs`, which registers tsx's
 * require hooks in the thread before loading it: Node 20's threads do not inherit the main
 * thread's loader, and require hooks cost a thread less to start than a loader of its own.
 */
export function startModuleThread(url: URL, options: WorkerOptions = {}): Worker {
  if (existsSync(fileURLToPath(url))) return new Worker(url, options);
  const source = new URL(url.href.replace(/\.js$/, ".ts"));
  if (!existsSync(fileURLToPath(source))) throw new Error(`no thread module at ${url.href}`);
  return new Worker(new URL("./from-source.cjs", import.meta.url), {
    ...options,
    argv: [source.href],
  });
}

/** What a thread module posts once it has loaded and is ready for calls (`threadReady`). */
export const READY = { ready: true } as const;

/**
 * Resolves once the thread has posted `READY` (its module graph loaded: from source, through
 * tsx, that takes a moment); rejects if it fails or stops first.
 */
export function threadReady(worker: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      if ((message as { ready?: unknown } | null)?.ready !== true) return;
      settle();
      resolve();
    };
    const onError = (err: Error) => {
      settle();
      reject(err);
    };
    const onExit = () => onError(new Error("the thread stopped before it was ready"));
    const settle = () => {
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
    };
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
  });
}

/** A thread's answer to a call: its `result`, or the `error` (and SQLite `code`) it failed with. */
export interface ThreadReply<R> {
  id: number;
  result?: R;
  error?: string;
  code?: string;
}

/**
 * Calls into a thread that answers each message `{ id, ...message }` with a `ThreadReply` of the
 * same id. A call rejects with the thread's error (carrying its `code`), or when the thread stops.
 */
export function threadCalls<M extends object, R>(worker: Worker): (message: M) => Promise<R> {
  const waiting = new Map<number, { resolve(result: R): void; reject(err: Error): void }>();
  let next = 0;
  const failAll = (err: Error) => {
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  worker.on("message", ({ id, result, error, code }: ThreadReply<R>) => {
    const w = waiting.get(id);
    waiting.delete(id);
    if (error !== undefined) w?.reject(Object.assign(new Error(error), code ? { code } : {}));
    else w?.resolve(result as R);
  });
  worker.on("error", failAll);
  worker.on("exit", () => failAll(new Error("the thread stopped")));
  return (message) =>
    new Promise<R>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, ...message });
    });
}

/** Asks a thread to finish (`{ close: true }`); resolves once it has exited, or after 2 s. */
export function closeThread(worker: Worker): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => void worker.terminate(), 2000);
    worker.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    worker.postMessage({ close: true });
  });
}

/** A failure as a `ThreadReply` carries it: its message, and its code when it has one. */
export function replyError(err: unknown): { error: string; code?: string } {
  const code = (err as { code?: unknown } | null)?.code;
  return {
    error: String((err as Error | null)?.message ?? err),
    ...(typeof code === "string" ? { code } : {}),
  };
}
