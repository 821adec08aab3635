// What applicants (through the window or the online platform) send for a promise: 容缺
// materials supplied, 告知承诺 proof delivered. Each becomes a BPMN message to the case; a case
// that is not waiting for it (closed, already fulfilled, never accepted on a promise) is
// refused with the reason and nothing changes.
import { Router } from 'express';
import type { Knex } from 'knex';
import { COMMITMENT_FULFILLED_MESSAGE, DEFERRED_SUPPLEMENT_MESSAGE } from '../../lib/bpmn/blocks.js';
import { EngineRequestError, toVariables, type EngineClient } from '../../lib/engine/client.js';
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

export function promiseRoutes(db: Knex, engine: EngineClient): Router {
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
  return router;
}
