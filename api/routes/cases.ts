// 办件: the record of a case by its receipt number (受理编号): status timeline, steps with
// who/when/what from the engine's history, clock pauses, alerts and the deadline left.
import { Router } from 'express';
import type { Knex } from 'knex';
import type { Config } from '../../lib/config.js';
import { todayIn } from '../../lib/calendar/deadlines.js';
import type { EngineClient } from '../../lib/engine/client.js';
import { loadCalendar } from '../../lib/repositories/calendar.js';
import { caseEvents, casePauses, findCaseByReceipt } from '../../lib/repositories/cases.js';
import { licenceForCase } from '../../lib/repositories/licences.js';
import { alertsFor } from '../../lib/repositories/supervision.js';
import { supervisionResultsFor } from '../../lib/repositories/supervision-push.js';
import { publicationsOfCase } from '../../lib/repositories/publication.js';
import { notFound } from '../errors.js';

interface HistoricActivity { activityId: string; activityName: string | null; activityType: string; assignee: string | null; taskId: string | null; startTime: string; endTime: string | null; processDefinitionKey: string }

const STEP_TYPES = new Set(['userTask', 'serviceTask', 'callActivity', 'boundaryTimer', 'intermediateMessageCatch', 'intermediateTimer', 'noneEndEvent']);

export function caseRoutes(db: Knex, engine: EngineClient, config: Config): Router {
  const router = Router();

  router.get('/:receiptNumber', async (req, res) => {
    const record = await findCaseByReceipt(db, req.params.receiptNumber);
    if (!record) throw notFound(`没有受理编号为 ${req.params.receiptNumber} 的办件`);
    const instances = await engine.get<Array<{ id: string }>>(`/history/process-instance?processInstanceBusinessKey=${encodeURIComponent(record.businessKey)}`);
    const activities: HistoricActivity[] = [];
    // who completed each human task: the audit log knows, even when the task was never claimed
    const completedBy = new Map<string, string>();
    for (const instance of instances) {
      activities.push(...await engine.get<HistoricActivity[]>(`/history/activity-instance?processInstanceId=${instance.id}`));
      for (const entry of await engine.get<Array<{ taskId: string | null; userId: string | null }>>(`/history/user-operation?processInstanceId=${instance.id}&operationType=Complete`)) {
        if (entry.taskId && entry.userId) completedBy.set(entry.taskId, entry.userId);
      }
    }
    const steps = activities
      .filter((activity) => STEP_TYPES.has(activity.activityType) && activity.activityName)
      .sort((a, b) => a.startTime.localeCompare(b.startTime))
      .map((activity) => ({ activityId: activity.activityId, name: activity.activityName, type: activity.activityType, by: (activity.taskId && completedBy.get(activity.taskId)) ?? activity.assignee, startedAt: activity.startTime, endedAt: activity.endTime }));
    const pauses = await casePauses(db, record.id);
    let remainingWorkingDays: number | null = null;
    if (record.decisionDeadline && !record.outcome) {
      const calendar = await loadCalendar(db);
      const open = pauses.find((pause) => !pause.restartedOn);
      remainingWorkingDays = calendar.remainingWorkingDays(todayIn(config.deadlines.utcOffset), record.decisionDeadline, open?.stoppedOn);
    }
    res.json({
      ...record,
      remainingWorkingDays,
      timeline: await caseEvents(db, record.id),
      steps,
      currentSteps: steps.filter((step) => !step.endedAt && step.type === 'userTask').map((step) => step.name),
      pauses,
      alerts: await alertsFor(db, record.businessKey),
      licence: await licenceForCase(db, record.businessKey) ?? null,
      publications: await publicationsOfCase(db, record.businessKey),
      supervisionResults: await supervisionResultsFor(db, record.businessKey),
    });
  });

  return router;
}
