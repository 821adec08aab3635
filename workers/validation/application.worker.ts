// validation.application: checks an application against its item's schema and reports every
// problem at once (一次性告知) as variables the process branches on.
import { BPMN_ERRORS, BpmnError } from '../bpmn-errors.js';
import { TOPICS } from '../topics.js';
import type { WorkerDefinition } from '../runtime/worker.js';
import { ApplicationSchemas } from './application-schemas.js';
import { createApplicationValidator, type ValidationProblem } from './application-validator.js';

const validator = createApplicationValidator();
const schemas = new ApplicationSchemas();

export function summarise(problems: ValidationProblem[]): string {
  return problems.map((problem, index) => `${index + 1}. ${problem.message}`).join('\n');
}

export const worker: WorkerDefinition = {
  topic: TOPICS.validateApplication,
  options: { lockDuration: 30_000, variables: ['itemKey', 'application'] },
  async handler({ task }) {
    const itemKey = task.variables.get('itemKey');
    if (typeof itemKey !== 'string' || itemKey === '') {
      throw new Error('流程变量 itemKey 缺失: 调用 validation.application 之前必须设置事项编码');
    }
    const schema = await schemas.forItem(itemKey);
    if (!schema) {
      throw new BpmnError(BPMN_ERRORS.itemNotInCatalogue, `事项 ${itemKey} 不在事项清单中 (清单之外无审批)`, {
        refusalReason: `事项 ${itemKey} 不在事项清单中, 不予受理 (清单之外无审批)`,
      });
    }
    const problems = validator.validate(schema, task.variables.get('application') ?? null);
    return {
      applicationValid: problems.length === 0,
      applicationProblems: problems,
      applicationProblemCount: problems.length,
      applicationProblemSummary: summarise(problems),
    };
  },
};
