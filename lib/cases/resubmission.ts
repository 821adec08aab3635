// 补正 after a 一次性告知: the applicant brings what the notice listed, at the window or online.
// The corrected application is checked at once against the catalogue version the case started
// with (every problem at once, nothing changes while any remains); a complete one continues the
// same case and receipt number (message ApplicationResubmitted): a new check, a new 5-day period.
import { todayIn } from '../calendar/deadlines.js';
import { RESUBMISSION_MESSAGE } from '../bpmn/item-process.js';
import { EngineRequestError, toVariables } from '../engine/client.js';
import { Conflict } from '../errors.js';
import { evaluateResubmission, type ResubmissionVerdict } from '../platform/intake.js';
import type { ProcessDeps } from '../process-deps.js';
import { findCaseByReceipt } from '../repositories/cases.js';
import { getVersion } from '../repositories/catalogue.js';
import { unknownCase } from './identity.js';

export interface ResubmissionInput {
  receiptNumber: string;
  /** the whole corrected application, or (window) the materials handed in, added to the one on file */
  application?: Record<string, unknown>;
  materials?: Array<{ code: string; form?: string; copies?: number }>;
  /** 窗口 or 网上 (一网通办) */
  channel: string;
  /** the window clerk who received it does the new 受理审核 */
  receivedBy?: string;
}

export type ResubmissionResult =
  | { outcome: 'received'; receiptNumber: string; receivedOn: string; acceptancePath: string }
  | Extract<ResubmissionVerdict, { outcome: 'deficient' }>;

const NOT_WAITING = '该办件当前不在补正期内 (未一次性告知、已补正或已办结), 补正材料未被接收';

export async function resubmitApplication({ db, engine, config }: ProcessDeps, input: ResubmissionInput): Promise<ResubmissionResult> {
  const record = await findCaseByReceipt(db, input.receiptNumber);
  if (!record) throw unknownCase(input.receiptNumber);
  // the item process of the case (the case row may name the 受理 block that registered it)
  const waiting = await engine.get<Array<{ processInstanceId: string }>>(`/execution?businessKey=${encodeURIComponent(record.businessKey)}&messageEventSubscriptionName=${RESUBMISSION_MESSAGE}`);
  if (!waiting.length) throw new Conflict('not-waiting', NOT_WAITING);
  const itemProcess = waiting[0]!.processInstanceId;
  const found = await getVersion(db, record.itemKey, record.itemVersion);
  if (!found) throw new Conflict('not-waiting', `办件的事项清单版本 ${record.itemKey} v${record.itemVersion} 不存在`);

  let application = input.application;
  if (!application) {
    // at the window: the materials handed in complete the application on file
    const { value } = await engine.get<{ value: unknown }>(`/process-instance/${itemProcess}/variables/application?deserializeValue=false`);
    const onFile = (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;
    const brought = new Map((input.materials ?? []).map((material) => [material.code, material]));
    const kept = ((onFile.materials ?? []) as Array<{ code: string }>).filter((material) => !brought.has(material.code));
    application = { ...onFile, materials: [...kept, ...brought.values()] };
  }
  const receivedOn = todayIn(config.deadlines.utcOffset);
  const verdict = await evaluateResubmission(db, found.entry, application, receivedOn);
  if (verdict.outcome === 'deficient') return verdict;

  const variables: Record<string, unknown> = { application, receivedOn, resubmissionChannel: input.channel };
  if (input.receivedBy) variables.deskClerk = input.receivedBy;
  try {
    await engine.post('/message', { messageName: RESUBMISSION_MESSAGE, businessKey: record.businessKey, processVariables: toVariables(variables) });
  } catch (error) {
    if (error instanceof EngineRequestError && error.status === 400) throw new Conflict('not-waiting', NOT_WAITING);
    throw error;
  }
  return { outcome: 'received', receiptNumber: record.receiptNumber, receivedOn, acceptancePath: verdict.classification.path };
}
