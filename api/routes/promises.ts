// What applicants (through the window or the online platform) send for a promise: 容缺
// materials supplied, 告知承诺 proof delivered. Each becomes a BPMN message to the case; a case
// that is not waiting for it (closed, already fulfilled, never accepted on a promise) is
// refused with the reason and nothing changes. 补正 after a 一次性告知 (resubmission) is taken
// here too: the window hands in what the applicant brought; and 撤回 on the applicant's written request; 催办 by leaders and the 督查室.
import { Router } from 'express';
import type { Knex } from 'knex';
import { COMMITMENT_FULFILLED_MESSAGE, DEFERRED_SUPPLEMENT_MESSAGE } from '../../lib/bpmn/blocks.js';
import { EngineRequestError, toVariables, type EngineClient } from '../../lib/engine/client.js';
import type { Problem } from '../../lib/errors.js';
import { resubmitApplication } from '../../lib/cases/resubmission.js';
import { urgeCase } from '../../lib/cases/urge.js';
import { withdrawApplication } from '../../lib/cases/withdrawal.js';
import type { ProcessDeps } from '../../lib/process-deps.js';
import { findCaseByReceipt } from '../../lib/repositories/cases.js';
import { badRequest, HttpError, notFound } from '../errors.js';
import { requireGroup } from '../roles.js';
import { field, validRequest } from '../validate.js';

interface Material { code: string; form?: string; copies?: number }

function materialsOf(body: unknown): Material[] {
  const materials = (body as { materials?: unknown })?.materials;
  const problems = [];
  if (!Array.isArray(materials) || materials.length === 0) {
    problems.push({ field: 'materials', rule: 'minItems', message: 'materials 应为至少一项材料的数组' });
  } else {
    materials.forEach((material: Material, index) => {
      if (!material || typeof material.code !== 'string' || material.code === '') problems.push({ field: `materials/${index}/code`, rule: 'required', message: `第 ${index + 1} 项材料缺少材料编码 code` });
      if (material?.form !== undefined && !['原件', '复印件', '电子件'].includes(material.form)) problems.push({ field: `materials/${index}/form`, rule: 'enum', message: `第 ${index + 1} 项材料的形式应为 原件、复印件 或 电子件` });
      if (material?.copies !== undefined && (!Number.isInteger(material.copies) || material.copies < 1)) problems.push({ field: `materials/${index}/copies`, rule: 'minimum', message: `第 ${index + 1} 项材料的份数应为正整数` });
    });
  }
  if (problems.length) throw badRequest('提交的材料无效', problems);
  return materials as Material[];
}

/** 补正 refused while anything is still missing: every problem and the 一次性告知书 text, nothing changed */
export const stillDeficient = ({ name, problems, notice }: { name: string; problems: Problem[]; notice: string }): HttpError =>
  new HttpError(422, 'application-deficient', '补正后的申请仍不齐全或不符合法定形式 (一次性告知), 请一次性补正以下全部内容', problems, { name, notice });

export function promiseRoutes({ db, engine, config }: ProcessDeps): Router {
  const router = Router();
  const allowed = requireGroup('window', 'shenpiServices');

  const deliver = (messageName: string, variable: string, notWaiting: string) => async (req: import('express').Request, res: import('express').Response) => {
    const materials = materialsOf(req.body);
    const record = await findCaseByReceipt(db, String(req.params.receiptNumber));
    if (!record) throw notFound(`没有受理编号为 ${String(req.params.receiptNumber)} 的办件`);
    try {
      await engine.post('/message', { messageName, businessKey: record.businessKey, processVariables: toVariables({ [variable]: materials }) });
    } catch (error) {
      if (error instanceof EngineRequestError && error.status === 400) throw new HttpError(409, 'not-waiting', notWaiting);
      throw error;
    }
    res.status(202).json({ receiptNumber: record.receiptNumber, status: 'received', materials: materials.length });
  };

  const receipt = validRequest({ params: { receiptNumber: field.receiptNumber } });
  router.post('/:receiptNumber/supplements', allowed, receipt, deliver(DEFERRED_SUPPLEMENT_MESSAGE, 'suppliedMaterials', '该办件当前不在容缺补正期内 (已补正、已办结或终止, 或未容缺受理), 补正材料未被接收'));
  router.post('/:receiptNumber/commitment-fulfilment', allowed, receipt, deliver(COMMITMENT_FULFILLED_MESSAGE, 'fulfilmentMaterials', '该办件当前不在等待履行承诺 (已提交待核查、已履行或已处理, 或未告知承诺受理), 材料未被接收'));
  // 补正 at the window: the materials handed in (added to the application on file) or the whole corrected application
  router.post('/:receiptNumber/resubmission', requireGroup('window'), receipt, async (req, res) => {
    const body = (req.body ?? {}) as { application?: unknown; materials?: unknown };
    if ((body.application === undefined) === (body.materials === undefined)) throw badRequest('补正内容无效', [{ field: 'materials', rule: 'oneOf', message: '须且只能填写补交的材料 materials 或补正后的完整申请 application 之一' }]);
    if (body.application !== undefined && (typeof body.application !== 'object' || body.application === null || Array.isArray(body.application))) throw badRequest('补正内容无效', [{ field: 'application', rule: 'type', message: 'application 应为申请 JSON 对象' }]);
    const result = await resubmitApplication({ db, engine, config }, {
      receiptNumber: String(req.params.receiptNumber), channel: '窗口', receivedBy: req.user!.id,
      ...(body.application ? { application: body.application as Record<string, unknown> } : { materials: materialsOf(req.body) }),
    });
    if (result.outcome === 'deficient') throw stillDeficient(result);
    res.status(202).json(result);
  });
  // 撤回 at the window, on the applicant's written request (the reason as written); the clerk is recorded
  router.post('/:receiptNumber/withdrawal', requireGroup('window'), receipt, async (req, res) => {
    const body = (req.body ?? {}) as { reason?: string };
    res.status(202).json(await withdrawApplication({ db, engine, config }, { receiptNumber: String(req.params.receiptNumber), reason: body.reason ?? '', channel: `窗口书面申请, ${req.user!.id} 经办` }));
  });
  // 催办: leaders and the 督查室 urge the case's open tasks (their sections are notified)
  router.post('/:receiptNumber/urges', requireGroup('leaders', 'supervisors'), receipt, async (req, res) => {
    const body = (req.body ?? {}) as { message?: string };
    res.status(201).json(await urgeCase({ db, engine, config }, { receiptNumber: String(req.params.receiptNumber), message: body.message ?? '', urgedBy: req.user!.id }));
  });
  return router;
}
