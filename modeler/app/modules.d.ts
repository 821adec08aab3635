// The browser bundle's imports that ship no types (esbuild bundles them; tsc only checks our code).
declare module '*.css';
declare module 'bpmn-js-properties-panel';
declare module 'bpmn-js-element-templates';
declare module '@bpmn-io/element-template-chooser';
declare module 'bpmn-js-bpmnlint';
declare module 'diagram-js-minimap';
declare module 'camunda-bpmn-js-behaviors/lib/camunda-platform';
