// A case.record-status step, shared by the blocks, the item and the bundle processes.
import { TOPICS } from '../process/topics.js';
import type { Node } from './builder.js';

/** A case.record-status step: the status (and its facts) written to the case's timeline. */
export const recordStatus = (id: string, name: string, status: string, extra: Record<string, string> = {}): Node =>
  ({ kind: 'service', id, name, topic: TOPICS.recordCaseStatus, inputs: { caseStatus: status, ...extra } });
