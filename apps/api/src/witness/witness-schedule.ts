import type { Database } from "@assent/db";
import { type SubmitOptions, submitToWitnesses } from "./witness-submit";

/** How often the Node loop submits new checkpoints to witnesses, ms. */
export const SUBMIT_EVERY_MS = 1000;

/** A running submission loop. */
export interface SubmissionLoop {
  /** Runs a round now (after the one running, if any). */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The Node entry's witness loop: every `SUBMIT_EVERY_MS` (1 s), each site's latest checkpoint
 * goes to its witnesses that have not cosigned it. It runs beside the integration loop, never
 * in it: a witness that is slow or down delays nothing but its own cosignature.
 */
export function scheduleWitnessSubmission(
  db: Database,
  options: SubmitOptions & { intervalMs?: number } = {},
): SubmissionLoop {
  const interval = options.intervalMs ?? SUBMIT_EVERY_MS;
  const log = options.log ?? ((line: string) => console.error(line));
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const round = () =>
    submitToWitnesses(db, options).then(
      () => undefined,
      (err: unknown) =>
        log(`[assent] witness submission failed: ${err instanceof Error ? err.message : err}`),
    );
  const tick = () => {
    timer = undefined;
    running = running.then(async () => {
      if (stopped) return;
      await round();
      if (!stopped) {
        timer = setTimeout(tick, interval);
        timer.unref?.();
      }
    });
  };
  timer = setTimeout(tick, interval);
  timer.unref?.();
  return {
    flush: async () => {
      running = running.then(round);
      await running;
    },
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
