// The modeler's deployment plan without an engine: which forms go with a process, under which
// names, and what an unreadable file answers. The deployment itself: test/api/modeler.spec.ts.
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../lib/config.js';
import { InvalidInput } from '../../../lib/errors.js';
import { deploymentFileName, deploymentResources, parseModel, referencedForms } from '../../../lib/modeler/deployment.js';

const itemXml = (key: string) => fs.readFileSync(path.join(PROJECT_ROOT, 'processes', 'items', `${key}.bpmn`), 'utf8');
const form = (id: string) => ({ name: `forms/items/x/${id}.form`, content: Buffer.from(JSON.stringify({ id })) });

describe('lib/modeler/deployment', () => {
  it('should name every form a process references, once each, its start form first', async () => {
    const xml = itemXml('pharmacy-retail-licence');
    const { definitions } = await parseModel(xml);
    const forms = referencedForms(definitions);
    const inText = new Set([...xml.matchAll(/camunda:formRef="([^"]+)"/g)].map((match) => match[1]));
    expect(forms).to.have.members([...inText]);
    expect(forms[0]).to.equal('pharmacy-retail-licence-start');
  });

  it('should find the forms of an event sub-process too', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="x">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:userTask id="A" camunda:formRef="outer" />
    <bpmn:subProcess id="S" triggeredByEvent="true"><bpmn:userTask id="B" camunda:formRef="inner" /></bpmn:subProcess>
  </bpmn:process>
</bpmn:definitions>`;
    expect(referencedForms((await parseModel(xml)).definitions)).to.deep.equal(['outer', 'inner']);
  });

  it('should refuse a file that is not BPMN as invalid input on "xml"', async () => {
    const error = await parseModel('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="x">').catch((caught: unknown) => caught);
    expect(error).to.be.instanceOf(InvalidInput);
    expect((error as InvalidInput).problems[0]).to.include({ field: 'xml', rule: 'bpmn' });
  });

  it('should keep a repository file name and name anything else after the process', () => {
    expect(deploymentFileName('processes/items/a-b.bpmn', 'a-b')).to.equal('processes/items/a-b.bpmn');
    expect(deploymentFileName('../etc/passwd.bpmn', 'a-b')).to.equal('processes/a-b.bpmn');
    expect(deploymentFileName('forms/items/a/b.form', 'a-b')).to.equal('processes/a-b.bpmn');
    expect(deploymentFileName(undefined, 'a-b')).to.equal('processes/a-b.bpmn');
  });

  it('should take each form as edited, else the repository\'s, else an item\'s start form from its catalogue entry', () => {
    const resources = deploymentResources({
      key: 'new-item',
      bpmnName: 'processes/items/new-item.bpmn',
      xml: '<x/>',
      referenced: ['new-item-start', 'edited', 'stored', 'missing'],
      edited: [{ id: 'edited', name: 'forms/modeler/edited.form', content: '{"id":"edited","v":2}' }],
      repositoryForms: new Map([['stored', form('stored')], ['edited', form('edited')]]),
      catalogueStartForm: { id: 'new-item-start' },
    });
    expect(resources.map((resource) => resource.name)).to.deep.equal(['processes/items/new-item.bpmn', 'forms/items/new-item/start.form', 'forms/modeler/edited.form', 'forms/items/x/stored.form']);
    expect(resources[2]!.content.toString()).to.contain('"v":2');
    expect(JSON.parse(resources[1]!.content.toString())).to.deep.equal({ id: 'new-item-start' });
  });
});
