// Parses a BPMN file the way the modeler does (bpmn-moddle with Camunda's extensions) and runs
// shenpi's lint rules (lib/modeler/lint/) over it: in the test suite over processes/, and in the
// deploy endpoint, which refuses a diagram with problems before the engine sees it.
import { createRequire } from 'node:module';
import { BpmnModdle } from 'bpmn-moddle';
import { Linter } from 'bpmnlint';
import { coreRules } from './lint/core-rules.js';
import { createResolver, lintConfig, type LintContext } from './lint/rules.js';

const camunda = createRequire(import.meta.url)('camunda-bpmn-moddle/resources/camunda.json') as Record<string, unknown>;

export interface LintProblem {
  /** the element the problem is on (what the modeler selects when it is clicked) */
  id: string | undefined;
  rule: string;
  message: string;
}

/** A file that is not BPMN: the message says where and what, in Chinese. */
export class InvalidBpmnError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidBpmnError';
  }
}

export interface ParsedBpmn {
  definitions: unknown;
  /** ids of the executable processes in the file */
  processIds: string[];
}

export async function parseBpmn(xml: string): Promise<ParsedBpmn> {
  if (!xml.trim()) throw new InvalidBpmnError('BPMN 文件为空');
  const moddle = new BpmnModdle({ camunda });
  let result: Awaited<ReturnType<BpmnModdle['fromXML']>>;
  try {
    result = await moddle.fromXML(xml, 'bpmn:Definitions');
  } catch (error) {
    const message = (error as Error).message.replace(/\n/g, ' ');
    const where = /line: (\d+)\s+column: (\d+)/i.exec(message);
    throw new InvalidBpmnError(`不是有效的 BPMN XML${where ? ` (第 ${where[1]} 行, 第 ${where[2]} 列)` : ''}: ${message}`);
  }
  const unresolved = result.warnings.find((warning) => /unresolved reference/.test(warning.message));
  if (unresolved) throw new InvalidBpmnError(`BPMN 引用了不存在的元素: ${unresolved.message}`);
  const definitions = result.rootElement as unknown as { rootElements?: Array<{ $type: string; id: string }> };
  const processIds = (definitions.rootElements ?? []).filter((element) => element.$type === 'bpmn:Process').map((element) => element.id);
  if (processIds.length === 0) throw new InvalidBpmnError('BPMN 文件中没有流程 (bpmn:process)');
  return { definitions: result.rootElement, processIds };
}

export async function lintDefinitions(definitions: unknown, context: LintContext): Promise<LintProblem[]> {
  const linter = new Linter({ config: lintConfig(context), resolver: createResolver(coreRules) });
  const results = await linter.lint(definitions);
  return Object.entries(results).flatMap(([rule, reports]) => reports.map((report) => ({ id: report.id, rule, message: report.message })));
}

export async function lintBpmn(xml: string, context: LintContext): Promise<{ processIds: string[]; problems: LintProblem[] }> {
  const { definitions, processIds } = await parseBpmn(xml);
  return { processIds, problems: await lintDefinitions(definitions, context) };
}
