import { expect } from 'chai';
import type { System } from '../../../lib/system.js';
import { EngineClient } from '../../../lib/engine/client.js';
import { useSystem } from '../../support/system.js';
import { pathTaken, startProcess, variable, waitFor, waitForEnd } from '../../support/process.js';
import validApplication from './fixtures/valid-food-business-application.json' with { type: 'json' };
import deficientApplication from './fixtures/deficient-food-business-application.json' with { type: 'json' };

const PROCESS = 'application-check';
const ITEM = 'food-business-licence';

describe('application-check (申请材料审查 / 一次性告知)', function () {
  this.timeout(240_000);
  let system: System;

  before(async () => {
    system = await useSystem();
  });

  const as = (user: string): EngineClient => system.admin.as({ username: user, password: system.config.demoPassword! });

  it('should pass a complete application straight through', async () => {
    // given a valid application for a catalogued item
    const id = await startProcess(system.admin, PROCESS, { itemKey: ITEM, application: validApplication }, 'TEST-VALID-1');
    // when the real validation.application worker has run
    const end = await waitForEnd(system.admin, id);
    // then the process took the 材料齐全 path
    expect(end.state).to.equal('COMPLETED');
    expect(await pathTaken(system.admin, id)).to.deep.equal([
      'ApplicationReceivedStartEvent', 'ValidateApplicationTask', 'ApplicationValidGateway', 'ApplicationCompleteEndEvent',
    ]);
    expect(await variable(system.admin, id, 'applicationValid')).to.equal(true);
    // and the audit trail (history level full) keeps every variable update
    const details = await system.admin.get<Array<{ variableName: string }>>(`/history/detail?processInstanceId=${id}&variableUpdates=true`);
    expect(details.map((d) => d.variableName)).to.include.members(['itemKey', 'application', 'applicationValid']);
  });

  it('should list every problem at once and give the 一次性告知 task to the front desk only', async () => {
    // given an application with several problems
    const id = await startProcess(system.admin, PROCESS, { itemKey: ITEM, application: deficientApplication }, 'TEST-DEFICIENT-1');
    // when validation has run
    const task = await waitFor('the 一次性告知 task', async () => {
      const tasks = await system.admin.get<Array<{ id: string; taskDefinitionKey: string }>>(`/task?processInstanceId=${id}`);
      return tasks[0];
    });
    // then the problems are all there, each naming field, rule and a Chinese message
    expect(task.taskDefinitionKey).to.equal('NotifyDeficienciesTask');
    const problems = (await variable(system.admin, id, 'applicationProblems')) as Array<{ field: string; rule: string; message: string }>;
    expect(problems.length).to.be.at.least(3);
    expect(problems.map((p) => p.field)).to.include.members(['/applicant/creditCode', '/applicant/phone']);
    for (const problem of problems) expect(problem.message).to.match(/[\u4e00-\u9fa5]/);
    expect(await variable(system.admin, id, 'applicationProblemSummary')).to.contain('1. ');
    // and the front desk sees the task, another department does NOT
    const windowTasks = await as('window1').get<Array<{ id: string }>>(`/task?processInstanceId=${id}`);
    const marketTasks = await as('market1').get<Array<{ id: string }>>(`/task?processInstanceId=${id}`);
    expect(windowTasks.map((t) => t.id)).to.deep.equal([task.id]);
    expect(marketTasks).to.deep.equal([]);
    // when the clerk records the notice
    await as('window1').post(`/task/${task.id}/claim`, { userId: 'window1' });
    await as('window1').post(`/task/${task.id}/complete`, { variables: { noticeChannel: { value: 'on-site', type: 'String' } } });
    // then the case ends as notified
    await waitForEnd(system.admin, id);
    expect(await pathTaken(system.admin, id)).to.deep.equal([
      'ApplicationReceivedStartEvent', 'ValidateApplicationTask', 'ApplicationValidGateway', 'NotifyDeficienciesTask', 'DeficienciesNotifiedEndEvent',
    ]);
  });

  it('should NOT accept an application for an item outside the catalogue (清单之外无审批)', async () => {
    const id = await startProcess(system.admin, PROCESS, { itemKey: 'no-such-item', application: validApplication }, 'TEST-UNKNOWN-1');
    await waitForEnd(system.admin, id);
    expect(await pathTaken(system.admin, id)).to.deep.equal([
      'ApplicationReceivedStartEvent', 'ValidateApplicationTask', 'ItemNotInCatalogueBoundaryEvent', 'NotInCatalogueEndEvent',
    ]);
    expect(await variable(system.admin, id, 'refusalReason')).to.contain('清单之外无审批');
  });

  it('should raise an incident, not leave the task locked, when the worker fails unexpectedly', async () => {
    // given a process started without the itemKey the worker needs (a modelling error)
    const id = await startProcess(system.admin, PROCESS, { application: validApplication }, 'TEST-INCIDENT-1');
    // then retries count down and an incident appears for the operator
    const incident = await waitFor('an incident', async () => {
      const incidents = await system.admin.get<Array<{ incidentMessage: string; activityId: string }>>(`/incident?processInstanceId=${id}`);
      return incidents[0];
    }, 60_000);
    expect(incident.activityId).to.equal('ValidateApplicationTask');
    expect(incident.incidentMessage).to.contain('itemKey');
    const [externalTask] = await system.admin.get<Array<{ retries: number; lockExpirationTime: string | null }>>(`/external-task?processInstanceId=${id}`);
    expect(externalTask!.retries).to.equal(0);
    await system.admin.delete(`/process-instance/${id}`);
  });
});
