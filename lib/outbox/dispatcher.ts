// Delivers an outbox channel in the background: every interval it takes the due messages and
// hands each to `deliver`; a failure is retried later with a growing delay (capped), never
// dropped. Stopping waits for the round in progress.
import type { Knex } from 'knex';
import type { Logger } from '../log.js';
import { dispatchDue, type OutboxMessage } from '../repositories/outbox.js';

export interface DispatcherSettings {
  intervalMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  batchSize: number;
}

export interface Dispatcher {
  /** runs one round now (tests, shutdown) */
  runOnce(): Promise<{ delivered: number; failed: number }>;
  stop(): Promise<void>;
}

export function startDispatcher(db: Knex, channel: string, deliver: (message: OutboxMessage) => Promise<void>, settings: DispatcherSettings, log: Logger): Dispatcher {
  const backoff = (attempts: number): number => Math.min(settings.retryMaxMs, settings.retryBaseMs * 2 ** Math.max(0, attempts - 1));
  let round: Promise<unknown> = Promise.resolve();
  let stopped = false;
  let lastError = '';
  const runOnce = async () => {
    const result = await dispatchDue(db, channel, settings.batchSize, deliver, backoff);
    if (result.delivered || result.failed) log.info('outbox round', { channel, ...result });
    return result;
  };
  const timer = setInterval(() => {
    round = round.then(runOnce).then(() => { lastError = ''; }, (error: Error) => {
      if (error.message !== lastError) log.warn('outbox round failed', { channel, error: error.message });
      lastError = error.message;
    });
  }, settings.intervalMs);
  timer.unref();
  log.info('outbox dispatcher started', { channel, intervalMs: settings.intervalMs });
  return {
    runOnce,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      await round.catch(() => undefined);
    },
  };
}
