// Delivers an outbox channel in the background: every interval it runs one round (take the due
// messages, deliver, mark); failures are retried later with a growing delay, never dropped.
// A round that comes back full is followed at once by the next (a backlog after an outage, or a
// day's 双公示, drains at the receiver's pace, not one batch per interval). Stopping waits for
// the round in progress.
import type { Logger } from '../log.js';

export interface DispatcherSettings {
  intervalMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  batchSize: number;
}

export interface Dispatcher {
  /** runs one round now (tests, shutdown) */
  runOnce(): Promise<{ delivered: number; failed: number }>;
  /** runs rounds now until one is not full; what they delivered and failed in all */
  drain(): Promise<{ delivered: number; failed: number }>;
  stop(): Promise<void>;
}

/** The delay before the next attempt: doubling from retryBaseMs, capped at retryMaxMs. */
export function backoff(settings: DispatcherSettings): (attempts: number) => number {
  return (attempts) => Math.min(settings.retryMaxMs, settings.retryBaseMs * 2 ** Math.max(0, attempts - 1));
}

export function startDispatcher(channel: string, round: () => Promise<{ delivered: number; failed: number }>, settings: DispatcherSettings, log: Logger): Dispatcher {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  let lastError = '';
  const runOnce = async () => {
    const result = await round();
    if (result.delivered || result.failed) log.info('outbox round', { channel, ...result });
    return result;
  };
  const drain = async () => {
    const total = { delivered: 0, failed: 0 };
    for (;;) {
      const result = await runOnce();
      total.delivered += result.delivered;
      total.failed += result.failed;
      if (result.delivered < settings.batchSize || stopped) return total;
    }
  };
  const timer = setInterval(() => {
    running = running.then(drain).then(() => { lastError = ''; }, (error: Error) => {
      if (error.message !== lastError) log.warn('outbox round failed', { channel, error: error.message });
      lastError = error.message;
    });
  }, settings.intervalMs);
  timer.unref();
  log.info('outbox dispatcher started', { channel, intervalMs: settings.intervalMs });
  return {
    runOnce,
    drain,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      await running.catch(() => undefined);
    },
  };
}
