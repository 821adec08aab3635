// Sequence flows drawn in the modeler get readable ids (<Source>To<Target>Flow) instead of
// Flow_0x1y2z3, at once and again before the file leaves the browser (a source renamed since).
import CommandInterceptor from 'diagram-js/lib/command/CommandInterceptor';

const GENERATED = /(Flow|Activity|Gateway|Event|StartEvent|EndEvent|Task)_[0-9a-z]{5,8}/;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Injector = { get(name: string): any };

function readableId(registry: { get(id: string): unknown }, connection: { source: { id: string }; target: { id: string } }): string {
  const base = `${connection.source.id}To${connection.target.id}Flow`;
  let id = base;
  for (let n = 2; registry.get(id); n += 1) id = `${base}${n}`;
  return id;
}

class ReadableFlowIds extends CommandInterceptor {
  static override $inject = ['eventBus', 'modeling', 'elementRegistry'];

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  constructor(eventBus: any, modeling: any, elementRegistry: any) {
    super(eventBus);
    this.postExecuted('connection.create', (context: { connection: { id: string; type: string; source: { id: string }; target: { id: string } } }) => {
      const { connection } = context;
      if (connection.type === 'bpmn:SequenceFlow' && GENERATED.test(connection.id)) modeling.updateProperties(connection, { id: readableId(elementRegistry, connection) });
    }, true);
  }
}

export const readableFlowIdsModule = { __init__: ['readableFlowIds'], readableFlowIds: ['type', ReadableFlowIds] };

export function tidyFlowIds(modeler: Injector): void {
  const registry = modeler.get('elementRegistry');
  const modeling = modeler.get('modeling');
  for (const connection of registry.filter((element: { type: string; id: string }) => element.type === 'bpmn:SequenceFlow' && GENERATED.test(element.id))) {
    const id = readableId(registry, connection);
    if (!GENERATED.test(id)) modeling.updateProperties(connection, { id });
  }
}
