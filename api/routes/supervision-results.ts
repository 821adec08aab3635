// 审管衔接, the way back: the supervising department's inspection (检查) and penalty (处罚)
// results, attached to the case and its licence.
import { Router } from 'express';
import type { Knex } from 'knex';
import { findCaseByReceipt } from '../../lib/repositories/cases.js';
import { findLicence } from '../../lib/repositories/licences.js';
import { addSupervisionResult } from '../../lib/repositories/supervision-push.js';
import { badRequest, notFound } from '../errors.js';
import { requireGroup } from '../roles.js';
import { isIsoDate } from '../../lib/validation/input-error.js';

export function supervisionResultRoutes(db: Knex): Router {
  const router = Router();
  router.post('/results', requireGroup('shenpiServices', 'operators'), async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const problems = [];
    if (typeof body.receiptNumber !== 'string' && typeof body.licenceNumber !== 'string') problems.push({ field: 'receiptNumber', rule: 'required', message: '须给出受理编号 receiptNumber 或许可编号 licenceNumber' });
    if (body.kind !== '检查' && body.kind !== '处罚') problems.push({ field: 'kind', rule: 'enum', message: 'kind 应为 检查 或 处罚' });
    for (const field of ['department', 'result', 'reference']) if (typeof body[field] !== 'string' || (body[field] as string).trim() === '') problems.push({ field, rule: 'required', message: `缺少 ${field}` });
    if (!isIsoDate(body.occurredOn)) problems.push({ field: 'occurredOn', rule: 'date', message: 'occurredOn 应为存在的日期 YYYY-MM-DD' });
    if (problems.length) throw badRequest('监管结果无效', problems);
    const licence = typeof body.licenceNumber === 'string' ? await findLicence(db, body.licenceNumber) : undefined;
    const record = typeof body.receiptNumber === 'string' ? await findCaseByReceipt(db, body.receiptNumber) : undefined;
    const businessKey = record?.businessKey ?? licence?.businessKey;
    if (!businessKey) throw notFound('没有对应的办件或证照');
    const created = await addSupervisionResult(db, {
      businessKey, licenceNumber: licence?.licenceNumber ?? null, kind: body.kind as '检查' | '处罚', department: body.department as string,
      occurredOn: body.occurredOn as string, result: body.result as string, reference: body.reference as string, receivedBy: req.user!.id,
    });
    res.status(created ? 201 : 200).json({ created });
  });
  return router;
}
