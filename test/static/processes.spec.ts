// Static checks over processes/ and forms/: topics have workers, forms resolve, error codes are
// shared, ids are readable, no scripts. They need no engine.
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../lib/config.js';
import { collectResources } from '../../lib/engine/deploy.js';
import { BPMN_ERRORS, TOPICS, WORKERS } from '../../workers/index.js';
import { CALENDAR_TOPICS } from '../../lib/process/topics.js';
import { BLOCKS } from '../../lib/bpmn/blocks.js';
import { toBpmnXml } from '../../lib/bpmn/builder.js';
import { itemProcess } from '../../lib/bpmn/item-process.js';
import { SERVICE_PROCESSES } from '../../lib/bpmn/service-processes.js';
import type { CatalogueEntry } from '../../lib/catalogue/entry.js';
import { inspectionOpinionBlock, jointInspectionBlock } from '../../lib/bpmn/bundle-blocks.js';
import { GROUPS } from '../../lib/engine/directory.js';
import { BLOCK_VARIABLES } from '../../lib/bpmn/block-variables.js';
import { blockReads } from '../support/block-reads.js';
import { formIdOf } from '../../lib/forms/folders.js';

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

  it('should keep form ids unique and files named after their item/step, in the folder of their kind', () => {
    const ids = forms.map((f) => f.form.id);
    expect(new Set(ids).size).to.equal(ids.length);
    for (const { name, form } of forms) expect(form.id, name).to.equal(formIdOf(name));
  });

  it('should keep a process\'s forms in the folder that mirrors it (forms/items/<key>/ ~ processes/items/<key>.bpmn, forms/blocks/<block>/ ~ processes/building-blocks/<block>.bpmn)', () => {
    const processes = new Set(bpmn.map(({ name }) => name));
    for (const { name } of forms) {
      const [, kind, dir] = /^forms\/([^/]+)\/([^/]+)\//.exec(name) ?? [];
      if (dir === 'shared') continue;
      expect(processes, name).to.include(`processes/${kind === 'blocks' ? 'building-blocks' : kind}/${dir}.bpmn`);
    }
  });

  it('should use only BPMN error codes that workers share', () => {
    const codes = new Set<string>(Object.values(BPMN_ERRORS));
    for (const { name, xml } of bpmn) {
      for (const code of all(/errorCode="([^"]+)"/g, xml)) expect(codes.has(code), `${name}: errorCode ${code}`).to.equal(true);
    }
  });

  it('should let every task that counts working days wait for an unpublished year (待发布工作日历)', () => {
    let checked = 0;
    for (const { name, xml } of bpmn) {
      for (const [, id, topic] of xml.matchAll(/<bpmn:serviceTask id="([^"]+)"[^>]*camunda:topic="([^"]+)"/g)) {
        if (!CALENDAR_TOPICS.includes(topic as never)) continue;
        checked += 1;
        const base = id!.replace(/Task$/, '');
        expect(xml, `${name}: ${id}`).to.contain(`attachedToRef="${id}"`).and.to.contain(`id="${base}CalendarPublishedEvent"`).and.to.contain(`<camunda:inputParameter name="awaitsCalendar">\${true}</camunda:inputParameter>`);
      }
    }
    expect(checked).to.be.greaterThan(20);
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

  it('should have an item process for every catalogue entry, and a catalogue entry for every item process', () => {
    const entries = fs.readdirSync(path.join(PROJECT_ROOT, 'catalogue', 'items')).map((file) => file.replace(/\.json$/, '')).sort();
    const items = bpmn.filter(({ name }) => name.startsWith('processes/items/')).map(({ name }) => path.basename(name, '.bpmn')).sort();
    expect(items).to.deep.equal(entries);
  });

  it('should give every user task candidate groups that exist (a literal group or a group variable)', () => {
    const groups = new Set<string>(Object.values(GROUPS).map((group) => group.id));
    for (const { name, xml } of bpmn) {
      for (const [, task] of xml.matchAll(/<bpmn:userTask ([^>]*)>/g)) {
        const candidates = /camunda:candidateGroups="([^"]+)"/.exec(task!)?.[1];
        expect(candidates, `${name}: ${task}`).to.be.a('string');
        for (const group of candidates!.split(',')) {
          // consultationGroup: the 审查 form's select of sections (the engine's form contract allows only its options)
          expect(groups.has(group) || /^\$\{(reviewGroup|decisionGroup|inspectionGroup|consultationGroup)\}$/.test(group), `${name}: group ${group}`).to.equal(true);
        }
      }
    }
  });

  it('should call only processes that exist (a bundle calls the items it lists)', () => {
    const ids = new Set(bpmn.flatMap(({ xml }) => all(/<bpmn:process id="([^"]+)"/g, xml)));
    for (const { name, xml } of bpmn) {
      for (const called of all(/calledElement="([^"]+)"/g, xml)) {
        if (called === '${bundleItemKey}') continue;
        expect(ids.has(called), `${name}: calledElement ${called}`).to.equal(true);
      }
    }
    const bundleDir = path.join(PROJECT_ROOT, 'catalogue', 'bundles');
    for (const file of fs.readdirSync(bundleDir)) {
      const bundle = JSON.parse(fs.readFileSync(path.join(bundleDir, file), 'utf8')) as { key: string; items: Array<{ itemKey: string }> };
      expect(ids.has(bundle.key), `${file}: processes/bundles/${bundle.key}.bpmn`).to.equal(true);
      for (const { itemKey } of bundle.items) expect(ids.has(itemKey), `${file}: item ${itemKey} has no process`).to.equal(true);
    }
  });

  it('should keep the building blocks as the generator writes them (bin/generate-processes.ts)', async () => {
    for (const block of [...BLOCKS, jointInspectionBlock, inspectionOpinionBlock]) {
      const file = fs.readFileSync(path.join(PROJECT_ROOT, 'processes', 'building-blocks', `${block.id}.bpmn`), 'utf8');
      expect(file, `${block.id}.bpmn: run node --import tsx bin/generate-processes.ts`).to.equal(await toBpmnXml(block));
    }
  });

  it('should generate each process byte-stable: twice, no diff', async () => {
    const itemDir = path.join(PROJECT_ROOT, 'catalogue', 'items');
    const items = fs.readdirSync(itemDir).filter((file) => file.endsWith('.json')).sort()
      .map((file) => itemProcess(JSON.parse(fs.readFileSync(path.join(itemDir, file), 'utf8')) as CatalogueEntry));
    for (const model of [...BLOCKS, jointInspectionBlock, inspectionOpinionBlock, ...SERVICE_PROCESSES, ...items]) {
      expect(await toBpmnXml(model), model.id).to.equal(await toBpmnXml(model));
    }
  });

  it('should build BPMN with bpmn-moddle, not with strings (no XML tags in lib/bpmn)', () => {
    const dir = path.join(PROJECT_ROOT, 'lib', 'bpmn');
    for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
      expect(fs.readFileSync(path.join(dir, file), 'utf8'), file).not.to.match(/<\/?(bpmn|camunda|bpmndi|dc|di):/);
    }
  });

  it('should NOT pass all variables into or out of any call activity (named variables only)', () => {
    for (const { name, xml } of bpmn) expect(xml, name).not.to.match(/variables="all"/);
  });

  it('should list, for every building block, each variable it reads (lib/bpmn/block-variables.ts)', () => {
    for (const block of [...BLOCKS, jointInspectionBlock, inspectionOpinionBlock]) {
      const listed = BLOCK_VARIABLES[block.id];
      expect(listed, `${block.id}: no entry in BLOCK_VARIABLES`).to.not.equal(undefined);
      const given = new Set([...listed!.in, ...listed!.out]);
      const missing = blockReads(block).filter((name) => !given.has(name));
      expect(missing, `${block.id} reads variables its callers do not hand in`).to.deep.equal([]);
    }
  });

  it('should have every caller hand a block each variable it reads, and take back only what the block sets', () => {
    let calls = 0;
    for (const { name, xml } of bpmn) {
      for (const [, id, called, body] of xml.matchAll(/<bpmn:callActivity id="([^"]+)"[^>]*calledElement="([^"]+)"[^>]*>([\s\S]*?)<\/bpmn:callActivity>/g)) {
        const block = BLOCK_VARIABLES[called!];
        if (called === '${bundleItemKey}') continue;
        expect(block, `${name} ${id}: ${called} has no entry in BLOCK_VARIABLES`).to.not.equal(undefined);
        calls += 1;
        const handedIn = new Set(all(/<camunda:in [^>]*target="([^"]+)"/g, body!));
        for (const variable of block!.in) expect(handedIn.has(variable), `${name} ${id}: ${called} reads ${variable}`).to.equal(true);
        for (const variable of all(/<camunda:out source="([^"]+)"/g, body!)) expect(block!.out, `${name} ${id}: ${called} does not set ${variable}`).to.include(variable);
      }
    }
    expect(calls).to.be.greaterThan(0);
  });
});
