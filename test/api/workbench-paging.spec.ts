// The 工作台's task list is one page of the engine's filter (sorted by due date by the engine,
// with the filter's total), and its search looks in the case columns (受理编号, 申请人, 事项).
import { expect } from 'chai';
import type { System } from '../../bin/system.js';
import { deployOpenTasks, startOpenTasks } from '../support/open-tasks.js';
import { ensureIdentity } from '../../lib/engine/identity.js';
import { useSystem } from '../support/system.js';
import { probeUser, webBase, webSession } from '../support/web.js';

interface Page { total: number; page: number; size: number; tasks: Array<{ id: string; receiptNumber: string; applicant: string; item: string; due: string; signal: string; assigneeName: string | null }> }

describe('the 工作台 task list pages in the engine (/api/workbench/filters/:id/tasks)', function () {
  this.timeout(120_000);
  let system: System;
  let instance: string;
  let get: (path: string) => Promise<Response>;
  let section: string;
  const tag = `PG${Date.now().toString(36).toUpperCase()}`;
  const day = 24 * 3600_000;
  // created out of deadline order: the engine must sort them
  const dues = [3, -2, 10, 1, 5].map((days) => new Date(Date.now() + days * day));

  before(async () => {
    system = await useSystem();
    await deployOpenTasks(system.admin);
    instance = await startOpenTasks(system.admin, `paging-${tag}`, 'legalReview', '食品经营许可', dues.map((due, i) => ({ receiptNumber: `${tag}-${i}`, applicantName: i === 4 ? `呼和浩特AbC${tag}公司` : `申请人${tag}-${i}`, due })));
    const session = await webSession(system, await probeUser(system, ['legalReview']));
    get = (path) => fetch(webBase(system) + path, session);
    const filters = (await (await get('/api/workbench/filters')).json()) as Array<{ id: string; name: string; count: number }>;
    section = filters.find((filter) => filter.name === '本科室待办')!.id;
  });

  after(async () => {
    if (instance) await system.admin.delete(`/process-instance/${instance}?skipCustomListeners=true`);
  });

  const page = async (query: string): Promise<Page> => {
    const response = await get(`/api/workbench/filters/${section}/tasks?${query}`);
    expect(response.status).to.equal(200);
    return (await response.json()) as Page;
  };

  it('should answer one page sorted by due date with the total of the search', async () => {
    const first = await page(`search=${tag}&size=2`);
    const second = await page(`search=${tag}&size=2&page=2`);

    expect(first).to.include({ total: 5, page: 1, size: 2 });
    expect(first.tasks.map((task) => task.receiptNumber)).to.deep.equal([`${tag}-1`, `${tag}-3`]);
    expect(second.tasks.map((task) => task.receiptNumber)).to.deep.equal([`${tag}-0`, `${tag}-4`]);
    expect(first.tasks[0]).to.include({ item: '食品经营许可', signal: 'red', assigneeName: null });
    expect(first.tasks[1]).to.include({ signal: 'yellow' });
  });

  it('should find a task by its applicant in any case, by 事项, and take % literally', async () => {
    const byApplicant = await page(`search=${encodeURIComponent(`abc${tag.toLowerCase()}`)}`);
    const byItem = await page(`search=${encodeURIComponent('食品经营')}&size=100`);
    const wildcard = await page(`search=${encodeURIComponent(`${tag}%`)}`);

    expect(byApplicant.tasks.map((task) => task.receiptNumber)).to.deep.equal([`${tag}-4`]);
    expect(byItem.tasks.map((task) => task.receiptNumber)).to.include.members(dues.map((_, i) => `${tag}-${i}`));
    expect(wildcard.total).to.equal(0);
  });

  it('should count the whole filter without a search and refuse a page too large (400 naming size)', async () => {
    const whole = await page('size=1');
    const response = await get(`/api/workbench/filters/${section}/tasks?size=500`);

    expect(whole.total).to.be.at.least(5);
    expect(whole.tasks).to.have.length(1);
    expect(response.status).to.equal(400);
    expect(JSON.stringify(await response.json())).to.contain('size');
  });

  it('should keep the section\'s access to its open tasks when shenpi sets up the engine again (a restart)', async () => {
    await ensureIdentity(system.admin, { service: system.config.service, demoPassword: system.config.demoPassword });

    expect((await page(`search=${tag.toLowerCase()}&size=10`)).tasks).to.have.length(5);
  });

  it('should list only tasks the engine lets the user see', async () => {
    const other = await webSession(system, await probeUser(system, ['healthReview']));
    const filters = (await (await fetch(`${webBase(system)}/api/workbench/filters`, other)).json()) as Array<{ id: string; name: string }>;
    const theirs = filters.find((filter) => filter.name === '本科室待办')!.id;

    const found = (await (await fetch(`${webBase(system)}/api/workbench/filters/${theirs}/tasks?search=${tag}`, other)).json()) as Page;

    expect(found.total).to.equal(0);
  });
});
