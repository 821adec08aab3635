// 待发布工作日历: a worker of CALENDAR_TOPICS whose dates fall in a year the calendar does not
// know yet ends its task in the BPMN error WORK_CALENDAR_YEAR_UNPUBLISHED when the process
// models the wait (the generator adds it: input parameter awaitsCalendar); the case record says
// so, and the case waits for WorkCalendarPublished. When the task runs again and succeeds, the
// case's status is what it was before. Without the wait modelled (an analyst's own process) it
// stays an incident that tells the operator what to enter.
import { AWAITS_CALENDAR, CALENDAR_RECHECK_AT } from '../../lib/bpmn/builder.js';
import { CalendarRangeError } from '../../lib/calendar/work-calendar.js';
import { awaitCalendar, resumeAfterCalendar } from '../../lib/repositories/cases.js';
import { BPMN_ERRORS, BpmnError } from '../../lib/process/bpmn-errors.js';
import type { WorkerDefinition } from '../runtime/worker.js';
import { optionalBoolean } from '../runtime/variables.js';

/** A missed message (published while the task was running) costs at most this long. */
export const CALENDAR_RECHECK_MS = 6 * 3_600_000;

/** Process variable: the year a case waited (or waits) for. */
const AWAITED_YEAR = 'calendarAwaitedYear';

export function awaitingCalendar(definition: WorkerDefinition): WorkerDefinition {
  return {
    ...definition,
    options: { ...definition.options, variables: definition.options.variables && [...definition.options.variables, AWAITS_CALENDAR, AWAITED_YEAR] },
    async handler(context) {
      const { task, services } = context;
      const step = { activityId: task.activityId, activityInstanceId: task.activityInstanceId };
      try {
        const variables = await definition.handler(context);
        // only a case that has waited may have its status to give back
        if (task.businessKey && task.variables.get(AWAITED_YEAR) != null) await resumeAfterCalendar(services.db, { businessKey: task.businessKey, ...step, note: `${task.activityId}: 期限已按新发布的工作日历计算` });
        return variables;
      } catch (error) {
        if (!(error instanceof CalendarRangeError) || !optionalBoolean(task, AWAITS_CALENDAR)) throw error;
        const year = Number(error.date.slice(0, 4));
        if (task.businessKey) await awaitCalendar(services.db, { businessKey: task.businessKey, ...step, note: `需要 ${year} 年的节假日安排; 分析员发布后自动继续, 各期限届时计算`, detail: { year, date: error.date } });
        context.log.warn('case waits for the working-day calendar', { year, date: error.date });
        throw new BpmnError(BPMN_ERRORS.calendarYearUnpublished, error.message, {
          [AWAITED_YEAR]: year,
          [CALENDAR_RECHECK_AT]: new Date(Date.now() + CALENDAR_RECHECK_MS).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        });
      }
    },
  };
}
