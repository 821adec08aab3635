// A form from forms/ in form-js's viewer, as every page of the 工作台 shows one: validation in
// Chinese, links opening beside the form (its input is never lost), and its data only when valid.
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import { identifierProblem } from '../../lib/validation/identifier-fields';
import { chineseValidation } from './form-messages';
import { toast } from './toast';

export async function showForm(container: HTMLElement, schema: object, data: Record<string, unknown>, readOnly = false): Promise<Form> {
  const form = new Form({ container });
  chineseValidation(form);
  identifierChecks(form);
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

type ValidateInstance = (instance: { id: string }, value: unknown) => string[];

/**
 * 统一社会信用代码 (GB 32100) and 居民身份证号码 (GB 11643) check digits as the clerk types; a
 * pilot-era credit code passes once 人工核准 is ticked (its reason is then required, and recorded).
 */
function identifierChecks(form: Form): void {
  const validator = form.get('validator') as Record<string, ValidateInstance>;
  const registry = form.get('formFieldRegistry') as { get(id: string): { key?: string } | undefined };
  const original = validator.validateFieldInstance!.bind(validator);
  validator.validateFieldInstance = (instance, value) => {
    const errors = original(instance, value);
    const key = registry.get(instance.id)?.key;
    if (!key || errors.length) return errors;
    const waived = (form as unknown as { _getState(): { data: Record<string, unknown> } })._getState().data.creditCodeOverride === true;
    const problem = identifierProblem(key, value, waived);
    return problem ? [problem.rule === 'check-digit' && /CreditCode$/.test(key) ? `${problem.message} (试点期代码请勾选下方「人工核准」并写明理由)` : problem.message] : errors;
  };
}
