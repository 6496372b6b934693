import type { Database } from "@assent/db";
import { type IntegratorOptions, integrate } from "./log-integrator";

/** How often the Node loop looks for new receipts and configs, ms. */
export const INTEGRATE_EVERY_MS = 250;

/** A running integration loop. */
export interface IntegrationLoop {
  /** Runs a pass now (after the one running, if any), e.g. before closing or in tests. */
  flush(): Promise<void>;
  /** Stops the loop once the pass running (if any) is done. */
  stop(): Promise<void>;
}

/**
 * The Node entry's integrator: a pass every `INTEGRATE_EVERY_MS` (250 ms), and the next pass at
 * once while a pass found a full window. A pass of 2,000 receipts takes tens of milliseconds on
 * the embedded file, so under load a committed receipt is in a signed checkpoint within a
 * second: 250 ms of waiting at most, then its pass. A failed pass (the database busy) is logged
 * and the loop goes on; the next pass takes up what it left.
 */
export function scheduleLogIntegration(
  db: Database,
  options: IntegratorOptions & { intervalMs?: number; log?: (line: string) => void },
): IntegrationLoop {
  const interval = options.intervalMs ?? INTEGRATE_EVERY_MS;
  const log = options.log ?? ((line: string) => console.error(line));
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const pass = () =>
    integrate(db, { ...options, maxPasses: 4 }).then(
      (report) => report.full,
      (err: unknown) => {
        log(`[assent] log integration failed: ${err instanceof Error ? err.message : err}`);
        return false;
      },
    );
  const tick = () => {
    timer = undefined;
    running = running.then(async () => {
      if (stopped) return;
      const more = await pass();
      if (!stopped) {
        timer = setTimeout(tick, more ? 0 : interval);
        timer.unref?.();
      }
    });
  };
  tick();
  return {
    flush: async () => {
      running = running.then(async () => {
        await pass();
      });
      await running;
    },
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
