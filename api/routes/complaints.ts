// 政务失信投诉 for staff: the 诚信建设投诉窗口 registers a complaint taken at the window (or a
// 12345 ticket handed over on paper); the window, 督查室 and leaders read a complaint with its timeline.
import { Router } from 'express';
import type { ProcessDeps } from '../../lib/process-deps.js';
import { complaintWithSteps, fileComplaint, type ComplaintInput } from '../../lib/complaints/index.js';
import { notFound } from '../errors.js';
import { requireGroup } from '../roles.js';
import { field, validRequest } from '../validate.js';

export function complaintRoutes(deps: ProcessDeps): Router {
  const router = Router();

  router.post('/', requireGroup('complaintWindow'), async (req, res) => {
    const body = (req.body ?? {}) as Partial<ComplaintInput>;
    const input = { ...body, channel: body.channel ?? '窗口', takenBy: req.user!.id } as ComplaintInput;
    const created = await fileComplaint(deps, input);
    res.status(created.replayed ? 200 : 201).json(created);
  });

  router.get('/:complaintNumber', requireGroup('complaintWindow', 'supervisors', 'leaders'), validRequest({ params: { complaintNumber: field.text(40, '投诉编号') } }), async (req, res) => {
    const complaint = await complaintWithSteps(deps.db, String(req.params.complaintNumber));
    if (!complaint) throw notFound(`没有编号为 ${String(req.params.complaintNumber)} 的投诉`);
    res.json(complaint);
  });

  return router;
}
