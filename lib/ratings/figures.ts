// Monthly 好差评 figures per department (the handling section) and per item: ratings per level,
// satisfaction rate, and what became of the bad ratings. A rating withdrawn on appeal (误评) is
// not counted; it is reported apart.
import type { Knex } from 'knex';
import { GROUPS } from '../engine/directory.js';
import { ratingFigureRows, type FigureRow } from '../repositories/ratings.js';
import { InputError, problem } from '../validation/input-error.js';

export interface RatingFigures {
  total: number;
  /** ratings per level, '1' … '5' */
  levels: Record<'1' | '2' | '3' | '4' | '5', number>;
  /** share of 非常满意, 满意 and 基本满意 among the counted ratings (4 decimals); null without ratings */
  satisfactionRate: number | null;
  bad: number;
  /** bad ratings rectified (整改) or explained (说明), and of those how many within 5 working days */
  rectified: number;
  explained: number;
  inTime: number;
  /** bad ratings still being handled */
  pending: number;
  /** withdrawn on appeal (误评), not in the counts above */
  withdrawn: number;
}

export interface DepartmentFigures extends RatingFigures {
  group: string;
  name: string;
  items: Array<RatingFigures & { itemKey: string; itemName: string }>;
}

const empty = (): RatingFigures => ({ total: 0, levels: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }, satisfactionRate: null, bad: 0, rectified: 0, explained: 0, inTime: 0, pending: 0, withdrawn: 0 });

function add(figures: RatingFigures, row: FigureRow): void {
  if (!row.counted) {
    figures.withdrawn += row.ratings;
    return;
  }
  figures.total += row.ratings;
  figures.levels[String(row.level) as '1'] += row.ratings;
  if (!row.bad) return;
  figures.bad += row.ratings;
  if (row.rectificationKind === '整改') figures.rectified += row.ratings;
  else if (row.rectificationKind === '说明') figures.explained += row.ratings;
  else figures.pending += row.ratings;
  if (row.rectifiedInTime) figures.inTime += row.ratings;
}

function rate(figures: RatingFigures): void {
  figures.satisfactionRate = figures.total ? Math.round(((figures.levels[3] + figures.levels[4] + figures.levels[5]) / figures.total) * 10_000) / 10_000 : null;
}

const GROUP_NAMES = new Map<string, string>(Object.values(GROUPS).map((group) => [group.id, group.name]));

export async function monthlyRatingFigures(db: Knex, query: { month: string }): Promise<{ month: string; departments: DepartmentFigures[] }> {
  if (typeof query.month !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(query.month)) {
    throw new InputError('统计月份无效', [problem('month', 'month', '统计月份 month 应为 YYYY-MM, 如 2026-10')]);
  }
  const departments = new Map<string, DepartmentFigures>();
  for (const row of await ratingFigureRows(db, query.month)) {
    let department = departments.get(row.departmentGroup);
    if (!department) {
      department = { group: row.departmentGroup, name: GROUP_NAMES.get(row.departmentGroup) ?? row.departmentGroup, ...empty(), items: [] };
      departments.set(row.departmentGroup, department);
    }
    let item = department.items.find((entry) => entry.itemKey === row.itemKey);
    if (!item) {
      item = { itemKey: row.itemKey, itemName: row.itemName, ...empty() };
      department.items.push(item);
    }
    add(department, row);
    add(item, row);
  }
  for (const department of departments.values()) {
    rate(department);
    department.items.forEach(rate);
  }
  return { month: query.month, departments: [...departments.values()] };
}
