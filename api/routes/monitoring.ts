// 电子监察 for the 工作台: the figures (JSON) and the same as a workbook (.xlsx). 局领导 and the
// 督查室 see every section, a 科长 their own (lib/engine/roles.ts monitoringScope); everyone
// else is refused. The figures come from lib/monitoring; nothing here counts.
import { Router, type Request } from 'express';
import type { Knex } from 'knex';
import type { Config } from '../../lib/config.js';
import { todayIn } from '../../lib/calendar/deadlines.js';
import { groupName, REVIEW_GROUPS } from '../../lib/engine/directory.js';
import { monitoringScope } from '../../lib/engine/roles.js';
import { monitoringFigures, monitoringWorkbook } from '../../lib/monitoring/index.js';
import { forbidden } from '../errors.js';
import { field, validRequest } from '../validate.js';

const period = validRequest({
  query: {
    from: { ...field.date, title: '起始日期 from' },
    to: { ...field.date, title: '截止日期 to' },
    section: { type: 'string', enum: REVIEW_GROUPS, title: '科室 section' },
  },
});

export function monitoringRoutes(db: Knex, config: Config): Router {
  const router = Router();

  /** The query of the request, within what the user may see. */
  const queryOf = (req: Request) => {
    const scope = monitoringScope(req.user!.groups);
    if (!scope) throw forbidden('电子监察仅对局领导、督查室和科长 (本科室) 开放');
    const section = typeof req.query.section === 'string' ? req.query.section : undefined;
    if (section && !scope.all && !scope.sections.includes(section as never)) throw forbidden(`无权查看${groupName(section)}的电子监察: 科长只能查看本科室`);
    const today = todayIn(config.deadlines.utcOffset);
    return {
      from: typeof req.query.from === 'string' ? req.query.from : `${today.slice(0, 4)}-01-01`,
      to: typeof req.query.to === 'string' ? req.query.to : today,
      sections: section ? [section] : scope.all ? undefined : scope.sections,
      today,
      utcOffset: config.deadlines.utcOffset,
    };
  };

  router.get('/figures', period, async (req, res) => {
    res.json(await monitoringFigures(db, queryOf(req), config.deadlines.warningWorkingDays));
  });

  router.get('/figures.xlsx', period, async (req, res) => {
    const query = queryOf(req);
    const workbook = await monitoringWorkbook(await monitoringFigures(db, query, config.deadlines.warningWorkingDays));
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.attachment(`电子监察-${query.from}-${query.to}.xlsx`);
    res.send(workbook);
  });

  return router;
}
