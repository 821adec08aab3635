import type { Task } from 'camunda-external-task-client-js';
import { jsonVariable, VariableError } from '../runtime/variables.js';

/** The credit subject of a case: the applicant's 统一社会信用代码, or a person's ID number. */
export function applicantOf(task: Task): { code: string; name: string } {
  const applicant = jsonVariable<{ application?: never; applicant?: { name?: string; creditCode?: string; idCardNumber?: string } }>(task, 'application')?.applicant;
  const code = applicant?.creditCode ?? applicant?.idCardNumber;
  if (!applicant?.name || !code) throw new VariableError('application.applicant', '缺少申请人名称或证照号码');
  return { code, name: applicant.name };
}
