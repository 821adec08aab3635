// Which outbox channels run, and where they deliver: each only when its endpoint is configured
// (until then the messages wait in the outbox, and the records are in shenpi's own pages); the
// platforms' notification callbacks always, their URLs being data.
import type { Knex } from 'knex';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { CREDIT_CHANNEL } from '../repositories/credit.js';
import { dispatchBatch, dispatchDue } from '../repositories/outbox.js';
import { PUBLICATION_CHANNEL } from '../repositories/publication.js';
import { SUPERVISION_CHANNEL } from '../repositories/supervision-push.js';
import { HOTLINE_CHANNEL } from '../complaints/rules.js';
import { CALLBACK_CHANNEL, callbackDelivery, SMS_CHANNEL } from '../notices/index.js';
import { httpDelivery } from './credit-platform.js';
import { backoff, startDispatcher, type Dispatcher } from './dispatcher.js';
import { publicationDelivery } from './publication-platform.js';

export function startDispatchers(db: Knex, config: Config, log: Logger): Dispatcher[] {
  const dispatchers: Dispatcher[] = [];
  const retry = backoff(config.outbox);
  const { credit } = config;
  if (credit.platformUrl) {
    const deliver = httpDelivery({ url: credit.platformUrl, token: credit.token, timeoutMs: credit.timeoutMs });
    dispatchers.push(startDispatcher(CREDIT_CHANNEL, () => dispatchDue(db, CREDIT_CHANNEL, config.outbox.batchSize, deliver, retry), config.outbox, log));
  }
  if (credit.publicationUrl) {
    const deliver = publicationDelivery(db, { url: credit.publicationUrl, token: credit.token, timeoutMs: credit.timeoutMs });
    dispatchers.push(startDispatcher(PUBLICATION_CHANNEL, () => dispatchBatch(db, PUBLICATION_CHANNEL, config.outbox.publicationBatchSize, deliver, retry), config.outbox, log));
  }
  if (config.supervision.url) {
    const deliver = httpDelivery({ url: config.supervision.url, token: config.supervision.token, timeoutMs: credit.timeoutMs });
    dispatchers.push(startDispatcher(SUPERVISION_CHANNEL, () => dispatchDue(db, SUPERVISION_CHANNEL, config.outbox.batchSize, deliver, retry), config.outbox, log));
  }
  if (config.hotline12345.url) {
    const deliver = httpDelivery({ url: config.hotline12345.url, token: config.hotline12345.token, timeoutMs: credit.timeoutMs });
    dispatchers.push(startDispatcher(HOTLINE_CHANNEL, () => dispatchDue(db, HOTLINE_CHANNEL, config.outbox.batchSize, deliver, retry), config.outbox, log));
  }
  if (config.sms.url) {
    const deliver = httpDelivery({ url: config.sms.url, token: config.sms.token, timeoutMs: credit.timeoutMs });
    dispatchers.push(startDispatcher(SMS_CHANNEL, () => dispatchDue(db, SMS_CHANNEL, config.outbox.batchSize, deliver, retry), config.outbox, log));
  }
  // the callback URLs are the platform clients' own (registered through the API), so this channel always runs
  const callbacks = callbackDelivery(db, { timeoutMs: credit.timeoutMs });
  dispatchers.push(startDispatcher(CALLBACK_CHANNEL, () => dispatchBatch(db, CALLBACK_CHANNEL, config.outbox.batchSize, callbacks, retry), config.outbox, log));
  return dispatchers;
}
