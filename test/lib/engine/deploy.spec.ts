import { expect } from 'chai';
import { PROJECT_ROOT } from '../../../lib/config.js';
import { DeploymentError, deployProject, deployResources, type DeploymentResource } from '../../../lib/engine/deploy.js';
import type { System } from '../../../bin/system.js';
import { useSystem } from '../../support/system.js';

const bpmn = (id: string, body: string): DeploymentResource => ({
  name: `processes/test/${id}.bpmn`,
  content: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="${id}Definitions" targetNamespace="https://shenpi.org/test">
  <bpmn:process id="${id}" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`),
});
const simple = (id: string): DeploymentResource => bpmn(id, `
    <bpmn:startEvent id="StartEvent" /><bpmn:sequenceFlow id="Flow" sourceRef="StartEvent" targetRef="EndEvent" /><bpmn:endEvent id="EndEvent" />`);

describe('deployResources', function () {
  this.timeout(240_000);
  let system: System;
  const count = async (key: string): Promise<number> =>
    (await system.admin.get<{ count: number }>(`/process-definition/count?key=${key}`)).count;

  before(async () => {
    system = await useSystem();
  });

  it('should create no new version when nothing changed (a restart)', async () => {
    const before = await count('application-check');
    const result = await deployProject(system.admin, PROJECT_ROOT);
    expect(result.changed).to.deep.equal([]);
    expect(await count('application-check')).to.equal(before);
  });

  it('should name the file and deploy nothing when one BPMN is malformed', async () => {
    const broken: DeploymentResource = { name: 'processes/test/broken-process.bpmn', content: Buffer.from('<bpmn:definitions><oops') };
    const error = await deployResources(system.admin, [simple('fine-process'), broken], 'shenpi-test').catch((e: unknown) => e);
    expect(error).to.be.instanceOf(DeploymentError);
    expect((error as DeploymentError).message).to.contain('processes/test/broken-process.bpmn');
    expect(await count('fine-process')).to.equal(0);
  });

  it('should NOT deploy a script task (deployments are code)', async () => {
    const scripted = bpmn('scripted-process', `
    <bpmn:startEvent id="StartEvent" /><bpmn:sequenceFlow id="ToScriptFlow" sourceRef="StartEvent" targetRef="RunScriptTask" />
    <bpmn:scriptTask id="RunScriptTask" scriptFormat="javascript"><bpmn:script>1 + 1</bpmn:script></bpmn:scriptTask>
    <bpmn:sequenceFlow id="ToEndFlow" sourceRef="RunScriptTask" targetRef="EndEvent" /><bpmn:endEvent id="EndEvent" />`);
    const error = await deployResources(system.admin, [scripted], 'shenpi-test').catch((e: unknown) => e);
    expect(error).to.be.instanceOf(DeploymentError);
    expect(String((error as Error).message)).to.match(/script/i);
    expect(await count('scripted-process')).to.equal(0);
  });

  it('should name a form file that is not form-js JSON, before anything reaches the engine', async () => {
    const form: DeploymentResource = { name: 'forms/test/bad.form', content: Buffer.from('{"components": []}') };
    const error = await deployResources(system.admin, [simple('form-companion'), form], 'shenpi-test').catch((e: unknown) => e);
    expect(error).to.be.instanceOf(DeploymentError);
    expect((error as Error).message).to.contain('forms/test/bad.form');
    expect(await count('form-companion')).to.equal(0);
  });
});
