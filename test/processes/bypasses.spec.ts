// Nobody approves around the rules (issue 14): every bypass tried with a clerk's own login over
// the REST API the Tasklist uses, each refused by the engine, and the case unchanged afterwards
// (same open steps, same variables, no licence, no publication).
import { expect } from 'chai';
import { EngineRequestError, toVariables, type EngineClient } from '../../lib/engine/client.js';
import { licenceForCase } from '../../lib/repositories/licences.js';
import { publicationsOfCase } from '../../lib/repositories/publication.js';
import type { System } from '../../bin/system.js';
import { sampleApplication } from '../support/applications.js';
import { CaseDriver, DECIDER, DEMO_PASSWORD, MEMBER, type EngineTask } from '../support/cases.js';
import { useSystem } from '../support/system.js';
import { readEntry } from './items/scenarios.js';

// a major decision (法制审核) with a site inspection, reviewed by the police section
const hotel = readEntry('hotel-special-trade-licence');

interface CaseState { tasks: string[]; variables: Record<string, unknown>; licence: unknown; publications: unknown[] }

describe('bypasses of the legal sequence (issue 14)', function () {
  this.timeout(180_000);
  let system: System;
  const as = (user: string): EngineClient => system.admin.as({ username: user, password: DEMO_PASSWORD });

  /** What must not change: the open steps, every variable of every process of the case, licence, publication. */
  async function state(driver: CaseDriver): Promise<CaseState> {
    const tasks = (await driver.openTasks()).map((task) => task.taskDefinitionKey).sort();
    const variables: Record<string, unknown> = {};
    for (const id of await driver.instances()) {
      const found = await system.admin.get<Array<{ name: string; value: unknown }>>(`/history/variable-instance?processInstanceId=${id}&deserializeValues=false&maxResults=1000`);
      for (const variable of found) variables[`${id}:${variable.name}`] = variable.value;
    }
    return { tasks, variables, licence: await licenceForCase(system.db, driver.businessKey) ?? null, publications: await publicationsOfCase(system.db, driver.businessKey) };
  }

  /** The attempt fails with one of the statuses (and the message names what the rule is about). */
  async function refused(attempt: Promise<unknown>, statuses: number[], mentions?: string): Promise<void> {
    const error = await attempt.then(() => undefined, (e: unknown) => e);
    expect(error, 'the engine accepted it').to.be.instanceOf(EngineRequestError);
    expect(statuses, (error as Error).message).to.include((error as EngineRequestError).status);
    if (mentions) expect((error as EngineRequestError).engineMessage, (error as Error).message).to.contain(mentions);
  }

  let driver: CaseDriver;
  let acceptance: EngineTask;
  let unchanged: CaseState;

  before(async () => {
    system = await useSystem();
    driver = await new CaseDriver(system.admin, hotel.key).start({ receivedOn: '2026-09-30', clockDate: '2026-09-30', application: sampleApplication(hotel) });
    acceptance = await driver.task('ReviewMaterialsTask');
    unchanged = await state(driver);
  });

  afterEach(async () => {
    expect(await state(driver), 'the case changed').to.deep.equal(unchanged);
  });

  after(async () => {
    await driver.cancel();
  });

  describe('the form is the contract', () => {
    const routing = { acceptanceDecision: 'accept', reviewGroup: 'window', majorDecision: false, siteInspection: false };

    it('should NOT complete 受理审核 with routing facts beside the form (complete, submit-form, resolve)', async () => {
      const window = as(MEMBER.window!);
      await refused(window.post(`/task/${acceptance.id}/complete`, { variables: toVariables(routing) }), [400], 'reviewGroup');
      await refused(window.post(`/task/${acceptance.id}/submit-form`, { variables: toVariables(routing) }), [400], 'reviewGroup');
      await refused(window.post(`/task/${acceptance.id}/resolve`, { variables: toVariables(routing) }), [400, 403], 'reviewGroup');
      await refused(window.post(`/task/${acceptance.id}/complete`, { variables: toVariables({ acceptanceDecision: 'accept', applicationDeadline: '2027-01-01' }) }), [400], 'applicationDeadline');
    });

    it('should NOT take a value outside the form\'s options, a changed read-only field, a wrong type or a missing required field', async () => {
      const window = as(MEMBER.window!);
      await refused(window.post(`/task/${acceptance.id}/complete`, { variables: toVariables({ acceptanceDecision: 'grant' }) }), [400], '(acceptanceDecision)');
      await refused(window.post(`/task/${acceptance.id}/complete`, { variables: toVariables({ acceptanceDecision: 'accept', receiptNumber: 'HH-0001' }) }), [400], '只读');
      await refused(window.post(`/task/${acceptance.id}/complete`, { variables: toVariables({ acceptanceDecision: true }) }), [400], '(acceptanceDecision)');
      await refused(window.post(`/task/${acceptance.id}/complete`, { variables: {} }), [400], '(acceptanceDecision) 必填');
    });

    it('should NOT let a clerk write variables of a task, its process or its case outside a form (local ones too)', async () => {
      const window = as(MEMBER.window!);
      const reviewGroup = toVariables({ reviewGroup: 'window' }).reviewGroup;
      await refused(window.post(`/task/${acceptance.id}/variables`, { modifications: toVariables({ reviewGroup: 'window' }) }), [403]);
      await refused(window.put(`/task/${acceptance.id}/variables/reviewGroup`, reviewGroup), [403]);
      await refused(window.put(`/task/${acceptance.id}/localVariables/majorDecision`, toVariables({ majorDecision: false }).majorDecision), [403]);
      await refused(window.delete(`/task/${acceptance.id}/variables/receiptNumber`), [403]);
      await refused(window.post(`/task/${acceptance.id}/localVariables`, { modifications: toVariables({ siteInspection: false }) }), [403]);
      await refused(window.put(`/process-instance/${driver.processInstanceId}/variables/reviewGroup`, reviewGroup), [403]);
      await refused(window.post(`/execution/${acceptance.processInstanceId}/localVariables`, { modifications: toVariables({ reviewGroup: 'window' }) }), [403]);
      await refused(window.post('/message', { messageName: 'ApplicationResubmitted', businessKey: driver.businessKey, processVariables: toVariables({ reviewGroup: 'window' }) }), [403]);
    });

    it('should NOT let a clerk start a case with anything but the start form (no `application`, no routing facts)', async () => {
      const window = as(MEMBER.window!);
      await refused(window.post(`/process-definition/key/${hotel.key}/start`, { variables: toVariables({ application: sampleApplication(hotel) }) }), [403], 'application');
      await refused(window.post(`/process-definition/key/${hotel.key}/submit-form`, { variables: toVariables({ reviewGroup: 'window' }) }), [400], 'reviewGroup');
    });
  });

  describe('only the start event starts a case; only administrators move or erase one', () => {
    it('should NOT start a case at 决定, for the window nor the service account', async () => {
      const startAtDecision = { businessKey: driver.businessKey, startInstructions: [{ type: 'startBeforeActivity', activityId: 'DecisionCallActivity' }] };
      await refused(as(MEMBER.window!).post(`/process-definition/key/${hotel.key}/start`, startAtDecision), [403], 'camunda-admin');
      await refused(system.admin.as(system.config.service).post(`/process-definition/key/${hotel.key}/start`, startAtDecision), [403], 'camunda-admin');
    });

    it('should NOT let an operator move, delete or re-time a case, or complete its task', async () => {
      const operator = as('operator1');
      await refused(operator.post(`/process-instance/${driver.processInstanceId}/modification`, { instructions: [{ type: 'startBeforeActivity', activityId: 'DecisionCallActivity' }] }), [403]);
      await refused(operator.post('/modification/execute', { processDefinitionId: (await system.admin.get<{ definitionId: string }>(`/process-instance/${driver.processInstanceId}`)).definitionId, processInstanceIds: [driver.processInstanceId], instructions: [{ type: 'startBeforeActivity', activityId: 'DecisionCallActivity' }] }), [403]);
      await refused(operator.delete(`/process-instance/${driver.processInstanceId}`), [403]);
      await refused(operator.post('/process-instance/delete', { processInstanceIds: [driver.processInstanceId], deleteReason: 'x' }), [403]);
      await refused(operator.delete(`/history/process-instance/${driver.processInstanceId}`), [403, 404]);
      await refused(operator.post(`/task/${acceptance.id}/complete`, { variables: toVariables({ acceptanceDecision: 'accept' }) }), [403, 404]);
      await refused(operator.put(`/process-instance/${driver.processInstanceId}/variables/reviewGroup`, toVariables({ reviewGroup: 'window' }).reviewGroup), [403]);
      const jobs = await system.admin.get<Array<{ id: string }>>(`/job?processInstanceId=${acceptance.processInstanceId}`);
      for (const job of jobs) {
        await refused(operator.put(`/job/${job.id}/duedate`, { duedate: '2030-01-01T00:00:00.000+0800' }), [403]);
        await refused(operator.post(`/job/${job.id}/execute`, {}), [403]);
      }
    });

    it('should NOT let an analyst deploy to the engine or delete a deployment (cases and history with it)', async () => {
      const analyst = as('analyst1');
      const [deployment] = await system.admin.get<Array<{ id: string }>>(`/deployment?sortBy=deploymentTime&sortOrder=asc&maxResults=1`);
      await refused(analyst.delete(`/deployment/${deployment!.id}?cascade=true`), [403]);
      const form = new FormData();
      form.set('deployment-name', 'analyst-direct');
      form.set('x.bpmn', new Blob(['<definitions/>']), 'x.bpmn');
      await refused(analyst.request('POST', '/deployment/create', form), [403]);
      await refused(analyst.delete(`/history/process-instance/${driver.processInstanceId}`), [403, 404]);
    });
  });

  describe('转办 and 委派 stay in the section', () => {
    it('should NOT hand a task to another section, to nobody real, nor change its candidates', async () => {
      const window = as(MEMBER.window!);
      await refused(window.post(`/task/${acceptance.id}/assignee`, { userId: 'construction1' }), [403], 'construction1');
      await refused(window.post(`/task/${acceptance.id}/assignee`, { userId: 'nobody-at-all' }), [403]);
      await refused(window.post(`/task/${acceptance.id}/delegate`, { userId: 'market1' }), [403]);
      await refused(window.post(`/task/${acceptance.id}/claim`, { userId: 'legal1' }), [403]);
      await refused(window.post(`/task/${acceptance.id}/identity-links`, { groupId: 'constructionReview', type: 'candidate' }), [403]);
      const task = await system.admin.get<Record<string, unknown>>(`/task/${acceptance.id}`);
      const editable = Object.fromEntries(['name', 'description', 'priority', 'assignee', 'owner', 'followUp', 'parentTaskId'].map((key) => [key, task[key]]));
      await refused(window.put(`/task/${acceptance.id}`, { ...editable, due: '2030-01-01T00:00:00.000+0800' }), [403], 'dueDate');
    });
  });

  describe('binding 法制审核 and 审查与决定分离', () => {
    it('should NOT let the reviewer decide, nor grant after 法制审核 不同意; the case goes back to review', async () => {
      const reviewer = MEMBER[hotel.reviewGroup]!;
      const colleague = DECIDER[hotel.reviewGroup]!;
      const legal = await new CaseDriver(system.admin, hotel.key).start({ receivedOn: '2026-09-30', clockDate: '2026-09-30', application: sampleApplication(hotel) });
      await legal.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
      await legal.complete('ReviewTask', reviewer, { reviewOpinion: '材料真实, 符合法定条件', reviewAction: 'submit' });
      await legal.complete('SiteInspectionTask', reviewer, { siteInspectionResult: '合格', siteInspectionOpinion: '现场与申请材料一致' });
      await legal.complete('LegalReviewTask', MEMBER.legalReview!, { legalReviewOpinion: '不同意', legalReviewComment: '消防验收意见缺失, 依据不足' });
      const decision = await legal.task('DecisionTask');
      const grant = { decision: 'grant', decisionContent: '准予' };
      await refused(legal.complete('DecisionTask', reviewer, grant), [400], '审查与决定分离');
      await refused(legal.complete('DecisionTask', reviewer, { decision: 'return', returnReason: '补充消防意见' }), [400], '审查与决定分离');
      await refused(legal.complete('DecisionTask', colleague, grant), [400], '法制审核不同意');
      expect((await legal.openTasks()).map((task) => task.id)).to.deep.equal([decision.id]);
      await legal.complete('DecisionTask', colleague, { decision: 'return', returnReason: '补充消防意见后重新审查' });
      await legal.task('ReviewTask');
      expect(await licenceForCase(system.db, legal.businessKey)).to.equal(undefined);
      expect(await publicationsOfCase(system.db, legal.businessKey)).to.deep.equal([]);
      await legal.cancel();
    });
  });

  describe('the engine runs only code it was built with', () => {
    const bpmn = (task: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="CodeDefinitions" targetNamespace="https://shenpi.org/test">
  <bpmn:process id="code-probe" isExecutable="true" camunda:historyTimeToLive="P1D">
    <bpmn:startEvent id="ProbeStartEvent" />
    ${task}
  </bpmn:process>
</bpmn:definitions>`;
    const deploy = (resources: Record<string, string>): Promise<unknown> => {
      const form = new FormData();
      form.set('deployment-name', 'code-probe');
      for (const [name, content] of Object.entries(resources)) form.set(name, new Blob([content]), name);
      return system.admin.request('POST', '/deployment/create', form);
    };

    it('should NOT deploy an expression that reaches beyond variables, even for the administrator', async () => {
      await refused(deploy({ 'probe.bpmn': bpmn('<bpmn:serviceTask id="RuntimeTask" camunda:expression="${execution.getProcessEngineServices().getIdentityService()}" />') }), [400], 'RuntimeTask');
      await refused(deploy({ 'probe.bpmn': bpmn('<bpmn:userTask id="ClassTask" camunda:assignee="${\'\'.getClass().forName(\'java.lang.Runtime\')}" />') }), [400], 'getClass');
      await refused(deploy({ 'probe.bpmn': bpmn('<bpmn:userTask id="BracketTask" camunda:assignee="${execution[\'processEngine\']}" />') }), [400], 'BracketTask');
    });

    it('should NOT deploy a foreign camunda:class, a delegateExpression or an embedded HTML form', async () => {
      await refused(deploy({ 'probe.bpmn': bpmn('<bpmn:serviceTask id="ForeignClassTask" camunda:class="com.example.Anything" />') }), [400], 'ForeignClassTask');
      await refused(deploy({ 'probe.bpmn': bpmn('<bpmn:serviceTask id="DelegateTask" camunda:delegateExpression="${someBean}" />') }), [400], 'delegateExpression');
      await refused(deploy({ 'probe.bpmn': bpmn('<bpmn:userTask id="EmbeddedFormTask" camunda:formKey="embedded:deployment:form.html" />'), 'form.html': '<form><script>alert(1)</script></form>' }), [400]);
      await refused(deploy({ 'form.html': '<form><script>alert(1)</script></form>' }), [400], 'form.html');
    });

    it('should NOT deploy a DMN with a script language, nor a form-js form with HTML', async () => {
      const dmn = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="ProbeDefinitions" name="probe" namespace="https://shenpi.org/test">
  <decision id="ProbeDecision" name="probe">
    <decisionTable id="ProbeTable">
      <input id="ProbeInput"><inputExpression id="ProbeInputExpression" typeRef="string" expressionLanguage="javascript"><text>java.lang.Runtime.getRuntime()</text></inputExpression></input>
      <output id="ProbeOutput" name="out" typeRef="string" />
    </decisionTable>
  </decision>
</definitions>`;
      await refused(deploy({ 'probe.dmn': dmn }), [400], 'ProbeInputExpression');
      const form = JSON.stringify({ id: 'probe-html', type: 'default', components: [{ type: 'html', id: 'ProbeHtml', content: '<img src=x onerror=alert(1)>' }] });
      await refused(deploy({ 'probe.form': form }), [400], 'ProbeHtml');
    });
  });
});
