// shenpi's lint rules (lib/modeler/lint/): every file in processes/ passes them, and each rule fires
// on a small broken fixture beside this spec, naming the element. The same rules run in the
// browser and before a deployment from the modeler.
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../../lib/config.js';
import { collectResources } from '../../lib/engine/deploy.js';
import { buildLintContext, projectFiles, seededEntries } from '../../lib/modeler/context.js';
import { InvalidBpmnError, lintBpmn, type LintProblem } from '../../lib/modeler/lint.js';
import { elementTemplates } from '../../lib/modeler/templates.js';
import { rules } from '../../lib/modeler/lint/rules.js';
import { WORKERS } from '../../workers/index.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const context = buildLintContext(await projectFiles(PROJECT_ROOT), await seededEntries(PROJECT_ROOT));
const fixture = (name: string): string => fs.readFileSync(path.join(FIXTURES, `${name}.bpmn`), 'utf8');
const shenpi = (problems: LintProblem[], rule: string): LintProblem[] => problems.filter((problem) => problem.rule === `shenpi/${rule}`);

describe('modeler lint rules (bpmnlint plugin shenpi)', () => {
  describe('over processes/', () => {
    it('should pass every .bpmn file in processes/', async () => {
      const files = (await collectResources(PROJECT_ROOT, ['processes'])).filter((resource) => resource.name.endsWith('.bpmn'));
      expect(files.length).to.be.greaterThan(30);
      for (const file of files) {
        const { problems } = await lintBpmn(file.content.toString('utf8'), context);
        expect(problems, file.name).to.deep.equal([]);
      }
    });

    it('should know every worker topic, the 行政许可 items and the forms of the project', () => {
      expect(context.topics).to.include('publication.licence');
      expect(context.permitItems).to.include('food-business-licence');
      expect(context.permitItems).not.to.include('bank-account-opening');
      expect(context.forms).to.include('review-examine');
    });
  });

  describe('on broken fixtures', () => {
    it('should have a fixture for every shenpi rule', () => {
      for (const rule of Object.keys(rules)) expect(fs.existsSync(path.join(FIXTURES, `${rule}.bpmn`)), rule).to.equal(true);
    });

    it('should NOT accept an unknown topic or a service task that is not external', async () => {
      const { problems } = await lintBpmn(fixture('external-task-topic'), context);
      const found = shenpi(problems, 'external-task-topic');
      expect(found.map((problem) => problem.id)).to.deep.equal(['UnknownTopicTask', 'JavaClassTask']);
      expect(found[0]!.message).to.contain('no.such-topic').and.to.contain('没有 worker');
    });

    it('should NOT accept a user task without candidate groups, with an unknown group or a missing form', async () => {
      const { problems } = await lintBpmn(fixture('user-task-assignment'), context);
      const messages = shenpi(problems, 'user-task-assignment').map((problem) => `${problem.id}: ${problem.message}`);
      expect(messages.some((message) => message.startsWith('NoGroupsTask') && message.includes('缺少候选组'))).to.equal(true);
      expect(messages.some((message) => message.startsWith('MissingFormTask') && message.includes('noSuchGroup'))).to.equal(true);
      expect(messages.some((message) => message.startsWith('MissingFormTask') && message.includes('no-such-form'))).to.equal(true);
    });

    it('should NOT accept a 行政许可 item that does not publish (双公示)', async () => {
      const { problems } = await lintBpmn(fixture('permit-publishes'), context);
      expect(shenpi(problems, 'permit-publishes').map((problem) => problem.id)).to.deep.equal(['food-business-licence']);
    });

    it('should NOT accept a promise path without its expiry timer', async () => {
      const { problems } = await lintBpmn(fixture('promise-expiry-timer'), context);
      expect(shenpi(problems, 'promise-expiry-timer').map((problem) => problem.id).sort()).to.deep.equal(['AwaitSupplementTask', 'DeferralFlow']);
    });

    it('should NOT accept a script task or a script condition', async () => {
      const { problems } = await lintBpmn(fixture('no-scripts'), context);
      expect(shenpi(problems, 'no-scripts').map((problem) => problem.id).sort()).to.deep.equal(['ComputeScriptTask', 'ToFixtureEndFlow']);
    });

    it('should NOT accept a generated id on an element tests and logs refer to', async () => {
      const { problems } = await lintBpmn(fixture('readable-ids'), context);
      expect(shenpi(problems, 'readable-ids').map((problem) => problem.id)).to.deep.equal(['Activity_0x1y2z3']);
    });

    it('should NOT accept a call to a process that does not exist', async () => {
      const { problems } = await lintBpmn(fixture('called-process-exists'), context);
      expect(shenpi(problems, 'called-process-exists').map((problem) => problem.id)).to.deep.equal(['MissingCallActivity']);
    });

    it('should NOT parse a file that is not BPMN, saying where', async () => {
      const error = await lintBpmn('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="x">', context).catch((caught: unknown) => caught);
      expect(error).to.be.instanceOf(InvalidBpmnError);
      expect((error as Error).message).to.contain('不是有效的 BPMN XML');
    });
  });

  describe('element templates', () => {
    it('should offer one template per worker and per building block, under its Chinese name', () => {
      const templates = elementTemplates(WORKERS);
      const publication = templates.find((template) => template.name === '双公示推送')!;
      expect(publication.properties.find((property) => property.binding.name === 'camunda:topic')?.value).to.equal('publication.licence');
      for (const worker of WORKERS) expect(templates.some((template) => template.id === `shenpi.task.${worker.topic}`), worker.topic).to.equal(true);
      for (const name of ['受理', '审查', '现场勘验', '联合踏勘', '决定', '制证', '出件', '容缺补正', '告知承诺核查', '审管衔接推送']) {
        expect(templates.map((template) => template.name), name).to.include(name);
      }
    });
  });
});
