// bpmn-auto-layout ships no typings; shenpi uses its one function.
declare module 'bpmn-auto-layout' {
  /** Returns the BPMN XML with a generated diagram (DI) for the first process. */
  export function layoutProcess(xml: string): Promise<string>;
}
