import { closeThread, startModuleThread, threadCalls, threadReady } from "@assent/db/threads";
import type { Keyring } from "../../signing";
import type { IntegrationLoop } from "../../transparency";

/** The integration loop of an embedded libSQL file, in a thread of its own (`integrator.ts`). */
export interface ThreadedIntegration extends IntegrationLoop {
  /** Resolves once the thread has opened its connection and started its loop. */
  ready(): Promise<void>;
}

/**
 * Runs the transparency log's integration loop (a pass every 250 ms) for the file at `url` in a
 * worker thread with its own connection. `keyring` opens the sites' checkpoint keys (cloned to
 * the thread, never exported); `publicOrigin` names a new log.
 */
export function threadedIntegration(
  url: string,
  options: { publicOrigin: string; keyring: Keyring },
): ThreadedIntegration {
  const worker = startModuleThread(new URL("./integrator.js", import.meta.url), {
    workerData: { url, ...options },
  });
  const call = threadCalls<{ flush: true }, null>(worker);
  const ready = threadReady(worker);
  ready.catch(() => {});
  return {
    ready: () => ready,
    flush: async () => {
      await ready;
      await call({ flush: true });
    },
    stop: () => closeThread(worker),
  };
}
