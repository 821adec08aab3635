// bpmnlint's own rules that shenpi applies (CORE_RULES), imported one by one so that esbuild
// bundles exactly these for the browser and Node loads the same modules.
import startEventRequired from 'bpmnlint/rules/start-event-required.js';
import endEventRequired from 'bpmnlint/rules/end-event-required.js';
import noDisconnected from 'bpmnlint/rules/no-disconnected.js';
import noDuplicateSequenceFlows from 'bpmnlint/rules/no-duplicate-sequence-flows.js';
import singleBlankStartEvent from 'bpmnlint/rules/single-blank-start-event.js';
import eventBasedGateway from 'bpmnlint/rules/event-based-gateway.js';
import linkEvent from 'bpmnlint/rules/link-event.js';
import subProcessBlankStartEvent from 'bpmnlint/rules/sub-process-blank-start-event.js';
import singleEventDefinition from 'bpmnlint/rules/single-event-definition.js';
import noComplexGateway from 'bpmnlint/rules/no-complex-gateway.js';
import type { CORE_RULES } from './rules.js';

export const coreRules: Record<(typeof CORE_RULES)[number], unknown> = {
  'start-event-required': startEventRequired,
  'end-event-required': endEventRequired,
  'no-disconnected': noDisconnected,
  'no-duplicate-sequence-flows': noDuplicateSequenceFlows,
  'single-blank-start-event': singleBlankStartEvent,
  'event-based-gateway': eventBasedGateway,
  'link-event': linkEvent,
  'sub-process-blank-start-event': subProcessBlankStartEvent,
  'single-event-definition': singleEventDefinition,
  'no-complex-gateway': noComplexGateway,
};
