// What changed between the diagram in the editor and the version the engine runs: elements
// added, removed or changed, by id, with the properties that differ (layout ignored).
import { parseBpmn } from './lint.js';

export interface ElementChange {
  id: string;
  type: string;
  name: string | undefined;
  change: 'added' | 'removed' | 'changed';
  /** the properties that differ (changed only) */
  properties?: string[];
}

interface ModdleLike {
  $type: string;
  $attrs?: Record<string, unknown>;
  $descriptor: { properties: Array<{ name: string; isReference?: boolean; isMany?: boolean; isAttr?: boolean }> };
  id?: string;
  name?: string;
  get(name: string): unknown;
}

const SKIPPED = new Set(['flowElements', 'incoming', 'outgoing', 'di', 'laneSets', 'artifacts']);

const isModdle = (value: unknown): value is ModdleLike => Boolean(value && typeof value === 'object' && '$descriptor' in (value as object));

/** A plain, comparable picture of an element: its own properties, references by id. */
function describe(element: ModdleLike, depth = 0): Record<string, unknown> {
  const picture: Record<string, unknown> = { $type: element.$type, ...(element.$attrs ?? {}) };
  for (const property of element.$descriptor.properties) {
    if (SKIPPED.has(property.name) || (depth > 0 && property.name === 'id')) continue;
    const value = element.get(property.name);
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    const one = (item: unknown): unknown => (property.isReference ? (item as { id?: string })?.id : isModdle(item) ? describe(item, depth + 1) : item);
    picture[property.name] = Array.isArray(value) ? value.map(one) : one(value);
  }
  return picture;
}

function flowElements(definitions: unknown): Map<string, ModdleLike> {
  const found = new Map<string, ModdleLike>();
  const visit = (container: ModdleLike): void => {
    for (const element of (container.get('flowElements') as ModdleLike[] | undefined) ?? []) {
      if (element.id) found.set(element.id, element);
      if (element.$type === 'bpmn:SubProcess') visit(element);
    }
  };
  for (const root of ((definitions as ModdleLike).get('rootElements') as ModdleLike[] | undefined) ?? []) {
    if (root.$type !== 'bpmn:Process') continue;
    if (root.id) found.set(root.id, root);
    visit(root);
  }
  return found;
}

export async function diffBpmn(deployedXml: string, editedXml: string): Promise<ElementChange[]> {
  const before = flowElements((await parseBpmn(deployedXml)).definitions);
  const after = flowElements((await parseBpmn(editedXml)).definitions);
  const changes: ElementChange[] = [];
  for (const [id, element] of after) {
    const old = before.get(id);
    if (!old) {
      changes.push({ id, type: element.$type, name: element.name, change: 'added' });
      continue;
    }
    const a = describe(old);
    const b = describe(element);
    const properties = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key])).sort();
    if (properties.length) changes.push({ id, type: element.$type, name: element.name, change: 'changed', properties });
  }
  for (const [id, element] of before) if (!after.has(id)) changes.push({ id, type: element.$type, name: element.name, change: 'removed' });
  return changes;
}
