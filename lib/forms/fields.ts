// What a person may submit at a form-js form: the keys of its fields, nested groups included.
// The engine checks the same contract (engine/…/FormContract.java); the 工作台 refuses other
// fields before it calls the engine, and the static checks read a block's form fields from it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface FormComponent {
  key?: string;
  label?: string;
  components?: FormComponent[];
}

/** Every field key of the components (nested groups included), in the form's order. */
export function formFieldKeys(components: FormComponent[] | undefined): string[] {
  return (components ?? []).flatMap((component) => [...(component.key ? [component.key] : []), ...formFieldKeys(component.components)]);
}

const FORMS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../forms');
let labels: Map<string, string> | undefined;

/** A field's label as the forms under forms/ show it (the first form that has the key), read once. */
export function formFieldLabel(key: string): string | undefined {
  if (!labels) {
    labels = new Map();
    const walk = (components: FormComponent[] | undefined): void => {
      for (const component of components ?? []) {
        if (component.key && component.label && !labels!.has(component.key)) labels!.set(component.key, component.label);
        walk(component.components);
      }
    };
    for (const file of fs.readdirSync(FORMS_DIR, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.form')).sort()) {
      walk((JSON.parse(fs.readFileSync(path.join(FORMS_DIR, file), 'utf8')) as { components?: FormComponent[] }).components);
    }
  }
  return labels.get(key);
}
