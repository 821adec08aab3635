// 政务失信投诉 intake: a complaint taken at the 诚信建设投诉窗口 or handed over by the 12345
// platform is checked (every problem at once), numbered, stored and its process started, all
// or nothing. A 12345 ticket sent again (same externalId) returns the first complaint.
import { todayIn } from '../calendar/deadlines.js';
import { complaintBusinessKey } from '../cases/identity.js';
import { startInTransaction } from '../cases/start.js';
import { createLogger } from '../log.js';
import { findComplaintByExternalId, insertComplaint, lockComplaintIntake, setComplaintProcess, type ComplaintRecord } from '../repositories/complaints.js';
import type { ValidationProblem } from '../validation/application-validator.js';
import { InputError, problem } from '../validation/input-error.js';
import { inputChecker } from '../validation/input-schema.js';
import type { ProcessDeps } from '../process-deps.js';
import { COMPLAINT_CHANNELS, COMPLAINT_FIELDS, COMPLAINT_PROCESS, type ComplaintChannel, type ComplaintField } from './rules.js';

const log = createLogger({ component: 'complaints' });

export interface ComplaintInput {
  channel: ComplaintChannel;
  /** the 12345 ticket number (required for channel 12345): a repeated hand-over returns the first complaint */
  externalId?: string;
  complainant: { name: string; phone: string; idCardNumber?: string; creditCode?: string };
  /** the government body (机关或事业单位) complained about */
  respondent: { name: string; creditCode?: string };
  field: ComplaintField;
  /** what the body promised (承诺内容, with its document or contract where known) */
  promise: string;
  /** how it broke the promise */
  facts: string;
  /** what the complainant asks for */
  request?: string;
  /** names of the evidence handed in */
  evidence?: string[];
  /** the day of receipt, when entered after the fact; default today */
  receivedOn?: string;
  /** who took it: the clerk's user id, or the platform */
  takenBy?: string;
}

export interface ComplaintResult {
  complaintId: number;
  complaintNumber: string;
  businessKey: string;
  processInstanceId: string;
  status: string;
  replayed: boolean;
}

const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;
const text = (min: number, max: number) => ({ type: 'string', ...(min > 0 ? { trimmedMinLength: min } : {}), maxLength: max });

const COMPLAINT_SCHEMA = {
  type: 'object',
  required: ['channel', 'complainant', 'respondent', 'field', 'promise', 'facts'],
  properties: {
    channel: { enum: COMPLAINT_CHANNELS },
    externalId: text(1, 64),
    complainant: {
      type: 'object',
      required: ['name', 'phone'],
      properties: { name: text(2, 100), phone: { type: 'string', pattern: PHONE.source }, idCardNumber: { type: 'string', format: 'cn-id-card' }, creditCode: { type: 'string', format: 'uscc' } },
    },
    respondent: { type: 'object', required: ['name'], properties: { name: text(2, 100), creditCode: { type: 'string', format: 'uscc' } } },
    field: { enum: COMPLAINT_FIELDS },
    promise: text(4, 2000),
    facts: text(10, 5000),
    request: text(0, 2000),
    evidence: { type: 'array', items: text(1, 200) },
    receivedOn: { type: 'string', format: 'date' },
  },
};

const checkComplaint = inputChecker(COMPLAINT_SCHEMA, {
  channel: { rule: 'enum', message: `受理渠道 channel 应为 ${COMPLAINT_CHANNELS.join(' 或 ')}` },
  externalId: { rule: 'length', message: '12345 工单号 externalId 应为 1 至 64 个字符' },
  complainant: { rule: 'required', message: '缺少投诉人 complainant' },
  'complainant/name': { rule: 'length', message: '投诉人姓名或名称 complainant.name 应为 2 至 100 个字符' },
  'complainant/phone': { rule: 'phone', message: '投诉人联系电话 complainant.phone 应为 11 位手机号或带区号的固定电话' },
  'complainant/idCardNumber': { rule: 'idCardNumber', message: '投诉人身份证号码 complainant.idCardNumber 无效 (GB 11643 校验码或出生日期不符)' },
  'complainant/creditCode': { rule: 'creditCode', message: '投诉人统一社会信用代码 complainant.creditCode 无效 (GB 32100 校验码不符)' },
  'respondent/name': { rule: 'length', message: '被投诉单位 respondent.name 应为 2 至 100 个字符的政府部门或事业单位名称' },
  'respondent/creditCode': { rule: 'creditCode', message: '被投诉单位统一社会信用代码 respondent.creditCode 无效 (GB 32100 校验码不符)' },
  field: { rule: 'enum', message: `投诉领域 field 应为 ${COMPLAINT_FIELDS.join('、')} 之一` },
  promise: { rule: 'length', message: '承诺内容 promise 应为 4 至 2000 个字符, 写明被投诉单位承诺了什么' },
  facts: { rule: 'length', message: '失信事实 facts 应为 10 至 5000 个字符, 写明违约毁约的经过' },
  request: { rule: 'length', message: '诉求 request 不能超过 2000 个字符' },
  evidence: { rule: 'type', message: '证据材料 evidence 应为材料名称的数组' },
  receivedOn: { rule: 'date', message: '收到日期 receivedOn 应为日期 YYYY-MM-DD' },
});

/** Every problem at once; a missing complainant or respondent is checked as an empty one (each of its fields named). */
function checkInput(input: ComplaintInput): ValidationProblem[] {
  const raw = input as unknown as Record<string, unknown>;
  const object = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : {});
  return checkComplaint({ ...raw, complainant: object(raw.complainant), respondent: object(raw.respondent) }, [
    ...(raw.channel === '12345' && raw.externalId === undefined ? [problem('externalId', 'requiredFor12345', '来自 12345 平台的投诉须填写工单号 externalId')] : []),
    ...(typeof raw.complainant !== 'object' || raw.complainant === null ? [problem('complainant', 'required', '缺少投诉人 complainant')] : []),
  ]);
}

const result = (complaint: ComplaintRecord, replayed: boolean): ComplaintResult => ({
  complaintId: Number(complaint.id), complaintNumber: complaint.complaintNumber, businessKey: complaint.businessKey, processInstanceId: complaint.processInstanceId ?? '', status: complaint.status, replayed,
});

export async function fileComplaint(deps: ProcessDeps, input: ComplaintInput): Promise<ComplaintResult> {
  const problems = checkInput(input);
  if (problems.length) throw new InputError('投诉无效', problems);
  const { db, engine, config } = deps;
  return startInTransaction(db, engine, log, async (trx, start) => {
    const externalId = input.externalId?.trim();
    if (externalId) {
      await lockComplaintIntake(trx, externalId);
      const existing = await findComplaintByExternalId(trx, externalId);
      if (existing) return result(existing, true);
    }
    const receivedOn = input.receivedOn ?? todayIn(config.deadlines.utcOffset);
    const complaint = await insertComplaint(trx, {
      channel: input.channel, externalId: externalId ?? null,
      complainant: { name: input.complainant.name.trim(), phone: input.complainant.phone, ...(input.complainant.idCardNumber ? { idCardNumber: input.complainant.idCardNumber } : {}), ...(input.complainant.creditCode ? { creditCode: input.complainant.creditCode } : {}) },
      respondentName: input.respondent.name.trim(), respondentCode: input.respondent.creditCode ?? null, field: input.field, promise: input.promise.trim(), facts: input.facts.trim(),
      request: input.request?.trim() || null, evidence: input.evidence ?? null, receivedOn, takenBy: input.takenBy ?? (input.channel === '12345' ? '12345 平台' : '诚信建设投诉窗口'),
    }, complaintBusinessKey);
    const processInstanceId = await start(COMPLAINT_PROCESS, {
      businessKey: complaint.businessKey,
      variables: {
        complaintId: Number(complaint.id), complaintNumber: complaint.complaintNumber, complaintChannel: complaint.channel, externalId: complaint.externalId ?? '',
        complainantName: complaint.complainant.name, respondentName: complaint.respondentName, respondentCreditCode: complaint.respondentCode ?? '',
        complaintField: complaint.field, promise: complaint.promise, facts: complaint.facts, complaintRequest: complaint.request ?? '', receivedOn, escalated: false,
        ...(input.receivedOn ? { clockDate: input.receivedOn } : {}),
      },
    });
    await setComplaintProcess(trx, complaint.id, processInstanceId);
    log.info('complaint process started', { complaintNumber: complaint.complaintNumber, channel: complaint.channel, processInstanceId });
    return result({ ...complaint, processInstanceId }, false);
  });
}
