// bpmnlint's rule modules and the moddle packages ship no typings for the parts shenpi uses.
declare module 'bpmnlint/rules/*' {
  const factory: (config?: unknown) => { check(node: unknown, reporter: unknown): void };
  export default factory;
}

declare module 'bpmnlint' {
  export interface LintReport {
    id?: string;
    message: string;
    category: 'error' | 'warn' | 'info' | 'rule-error';
    path?: string[];
  }
  export class Linter {
    constructor(options: { config: unknown; resolver: unknown });
    lint(root: unknown): Promise<Record<string, LintReport[]>>;
  }
}

declare module 'camunda-bpmn-moddle/resources/camunda.json' {
  const descriptor: Record<string, unknown>;
  export default descriptor;
}

declare module 'bpmn-moddle' {
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string, type?: string): Promise<{ rootElement: unknown; warnings: Array<{ message: string }> }>;
    create(type: string, attrs?: Record<string, unknown>): ModdleElement;
    toXML(element: ModdleElement, options?: { format?: boolean }): Promise<{ xml: string }>;
  }
  /** an element of the model: its properties (bpmn's and the `camunda:` ones) by name */
  export interface ModdleElement {
    $type: string;
    id?: string;
    [property: string]: unknown;
  }
}
