// The engine's own ceiling for a process: the same models with every service task taken out
// (their incoming flows joined to their outgoing ones), called under their own ids.
import fs from 'node:fs';
import path from 'node:path';
import { toSemanticXml, type Flow, type Node, type ProcessModel } from '../lib/bpmn/builder.js';
import { PROJECT_ROOT } from '../lib/config.js';
import type { EngineClient } from '../lib/engine/client.js';
import { BLOCK_VARIABLES } from '../lib/bpmn/block-variables.js';

export function withoutServiceTasks(model: ProcessModel, suffix: string): ProcessModel {
  // a baseline block passes what its block passes (the lists are found by the called id)
  for (const [id, lists] of Object.entries(BLOCK_VARIABLES)) if (!id.endsWith(suffix)) BLOCK_VARIABLES[id + suffix] ??= lists;
  let nodes: Node[] = model.nodes.map((node) => (node.kind === 'call' ? { ...node, calledElement: node.calledElement + suffix } : node));
  let flows: Flow[] = [...model.flows];
  const removed = new Set(nodes.filter((node) => node.kind === 'service').map((node) => node.id));
  // boundary events on removed tasks go with them, and so do their outgoing flows
  for (const node of nodes) if (node.kind === 'boundaryError' && removed.has(node.attachedTo)) removed.add(node.id);
  for (const id of removed) {
    const incoming = flows.filter((flow) => flow.to === id);
    const outgoing = flows.filter((flow) => flow.from === id);
    flows = flows.filter((flow) => flow.to !== id && flow.from !== id);
    const node = nodes.find((candidate) => candidate.id === id)!;
    if (node.kind === 'boundaryError') continue;
    for (const into of incoming) {
      for (const out of outgoing) {
        if (removed.has(out.to) && nodes.find((n) => n.id === out.to)?.kind === 'boundaryError') continue;
        flows.push({ ...into, id: `${into.id}Via${out.id}`, to: out.to });
      }
    }
  }
  nodes = nodes.filter((node) => !removed.has(node.id));
  // an end event left without incoming flows is harmless; flows to removed nodes are gone
  flows = flows.filter((flow) => nodes.some((n) => n.id === flow.from) && nodes.some((n) => n.id === flow.to));
  // the BPMN errors still thrown or caught (a block's error end, a call's boundary) stay declared
  const used = new Set(nodes.flatMap((node) => ((node.kind === 'end' || node.kind === 'boundaryError') && node.error ? [node.error] : [])));
  return { ...model, id: model.id + suffix, name: `${model.name} (基线: 无服务任务)`, errors: (model.errors ?? []).filter((error) => used.has(error.id)), nodes, flows };
}

/**
 * Deploys the baselines of the models with every form beside them: a task's form is bound to its
 * deployment (camunda:formRefBinding="deployment"), and the engine takes only a form's fields.
 */
export async function deployBaselines(admin: EngineClient, models: ProcessModel[], suffix: string): Promise<void> {
  const form = new FormData();
  form.append('deployment-name', 'shenpi-bench-baseline');
  form.append('enable-duplicate-filtering', 'true');
  for (const model of models) {
    const variant = withoutServiceTasks(model, suffix);
    form.append(`${variant.id}.bpmn`, new Blob([await toSemanticXml(variant)], { type: 'application/xml' }), `${variant.id}.bpmn`);
  }
  const forms = path.join(PROJECT_ROOT, 'forms');
  for (const file of fs.readdirSync(forms, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.form'))) {
    form.append(file, new Blob([fs.readFileSync(path.join(forms, file))], { type: 'application/json' }), file);
  }
  await admin.post('/deployment/create', form);
}
