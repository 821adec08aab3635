// The engine's own ceiling for a process: the same models with every service task taken out
// (their incoming flows joined to their outgoing ones), called under their own ids.
import type { Flow, Node, ProcessModel } from '../lib/bpmn/builder.js';

export function withoutServiceTasks(model: ProcessModel, suffix: string): ProcessModel {
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
  return { ...model, id: model.id + suffix, name: `${model.name} (基线: 无服务任务)`, errors: [], nodes, flows };
}
