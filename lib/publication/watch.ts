// The standing 台账比对: every SHENPI_RECONCILE_INTERVAL_MS a dry run logs the mismatches and
// raises a red card for any record not acknowledged within 7 working days of its decision.
import type { Knex } from 'knex';
import { todayIn } from '../calendar/deadlines.js';
import type { Config } from '../config.js';
import type { EngineClient } from '../engine/client.js';
import type { Logger } from '../log.js';
import { loadCalendar } from '../repositories/calendar.js';
import { reconcile } from './reconcile.js';

export function startPublicationWatch(db: Knex, engine: EngineClient, config: Config, log: Logger): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(async () => {
      const report = await reconcile(db, engine, { repair: false, calendar: await loadCalendar(db), today: todayIn(config.deadlines.utcOffset) });
      if (report.mismatches.length) log.warn('publication ledger mismatches', { count: report.mismatches.length, kinds: [...new Set(report.mismatches.map((m) => m.kind))] });
    }).catch((error: Error) => log.warn('publication reconciliation failed', { error: error.message }));
  }, config.outbox.reconcileIntervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
