// What a person may submit at a form-js form: the keys of its fields, nested groups included.
// The engine checks the same contract (engine/…/FormContract.java); the 工作台 refuses other
// fields before it calls the engine, and the static checks read a block's form fields from it.

export interface FormComponent {
  key?: string;
  label?: string;
  components?: FormComponent[];
}

/** Every field key of the components (nested groups included), in the form's order. */
export function formFieldKeys(components: FormComponent[] | undefined): string[] {
  return (components ?? []).flatMap((component) => [...(component.key ? [component.key] : []), ...formFieldKeys(component.components)]);
}
