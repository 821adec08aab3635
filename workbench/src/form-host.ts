// A form from forms/ in form-js's viewer, as every page of the 工作台 shows one: validation in
// Chinese, links opening beside the form (its input is never lost), and its data only when valid.
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import { chineseValidation } from './form-messages';
import { toast } from './toast';

export async function showForm(container: HTMLElement, schema: object, data: Record<string, unknown>, readOnly = false): Promise<Form> {
  const form = new Form({ container });
  chineseValidation(form);
  await form.importSchema(schema, data);
  form.setProperty('readOnly', readOnly);
  for (const link of container.querySelectorAll('a[href]')) {
    link.setAttribute('target', '_blank');
    link.setAttribute('rel', 'noopener');
  }
  return form;
}

/** The form's data, or undefined (with the fields marked and a message) when a rule fails. */
export function validData(form: Form): Record<string, unknown> | undefined {
  const { data, errors } = form.submit();
  if (Object.keys(errors).length) {
    toast.error('表单有未填写或不正确的项, 请按提示修改');
    return undefined;
  }
  return data;
}
