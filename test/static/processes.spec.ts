// Static checks over processes/ and forms/: topics have workers, forms resolve, error codes are
// shared, ids are readable, no scripts. They need no engine.
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../lib/config.js';
import { collectResources } from '../../lib/engine/deploy.js';
import { BPMN_ERRORS, TOPICS, WORKERS } from '../../workers/index.js';

const resources = await collectResources(PROJECT_ROOT);
const bpmn = resources.filter((r) => r.name.endsWith('.bpmn')).map((r) => ({ name: r.name, xml: r.content.toString('utf8') }));
const forms = resources.filter((r) => r.name.endsWith('.form')).map((r) => ({ name: r.name, form: JSON.parse(r.content.toString('utf8')) as { id: string } }));
const all = (pattern: RegExp, text: string): string[] => [...text.matchAll(pattern)].map((m) => m[1]!);

describe('processes/ and forms/ (static)', () => {
  it('should have at least one process to check', () => {
    expect(bpmn.length).to.be.greaterThan(0);
  });

  it('should have a registered worker for every camunda:topic', () => {
    const registered = new Set(WORKERS.map((w) => w.topic));
    for (const { name, xml } of bpmn) {
      for (const topic of all(/camunda:topic="([^"]+)"/g, xml)) {
        expect(registered.has(topic as never), `${name}: topic ${topic} has no worker`).to.equal(true);
      }
    }
  });

  it('should NOT register a worker whose topic no process uses, nor one outside TOPICS', () => {
    const used = new Set(bpmn.flatMap(({ xml }) => all(/camunda:topic="([^"]+)"/g, xml)));
    for (const worker of WORKERS) {
      expect(Object.values(TOPICS)).to.include(worker.topic);
      expect(used.has(worker.topic), `worker ${worker.topic} is used by no process`).to.equal(true);
    }
  });

  it('should resolve every camunda:formRef to a form id in forms/', () => {
    const ids = new Set(forms.map((f) => f.form.id));
    for (const { name, xml } of bpmn) {
      for (const ref of all(/camunda:formRef="([^"]+)"/g, xml)) {
        expect(ids.has(ref), `${name}: formRef ${ref} matches no form in forms/`).to.equal(true);
      }
    }
  });

  it('should keep form ids unique and files named after their item/step', () => {
    const ids = forms.map((f) => f.form.id);
    expect(new Set(ids).size).to.equal(ids.length);
    for (const { name, form } of forms) {
      const [, dir, step] = /^forms\/([^/]+)\/([^/]+)\.form$/.exec(name) ?? [];
      expect(form.id, name).to.equal(`${dir}-${step}`);
    }
  });

  it('should use only BPMN error codes that workers share', () => {
    const codes = new Set<string>(Object.values(BPMN_ERRORS));
    for (const { name, xml } of bpmn) {
      for (const code of all(/errorCode="([^"]+)"/g, xml)) expect(codes.has(code), `${name}: errorCode ${code}`).to.equal(true);
    }
  });

  it('should NOT contain generated ids or script tasks', () => {
    for (const { name, xml } of bpmn) {
      expect(xml, name).not.to.match(/id="(Flow|Activity|Gateway|Event|StartEvent|EndEvent|Task|Process)_[0-9a-z]{5,8}"/);
      expect(xml, name).not.to.match(/<bpmn:scriptTask|camunda:script/);
    }
  });

  it('should name each process file after its process id', () => {
    for (const { name, xml } of bpmn) {
      const ids = all(/<bpmn:process id="([^"]+)"/g, xml);
      expect(ids, name).to.deep.equal([path.basename(name, '.bpmn')]);
    }
  });

  it('should have an application schema that parses for every item process', () => {
    const dir = path.join(PROJECT_ROOT, 'processes', 'applications');
    for (const file of fs.readdirSync(dir)) {
      const schema = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { $id?: string };
      expect(schema.$id, file).to.equal(`shenpi:application:${file.replace('.schema.json', '')}`);
    }
  });
});
