// The modeler speaks Chinese: every group and field label of the Camunda 7 properties panel, the
// lint badge, and every palette entry, group and field label of the form-js editor, read from
// the installed packages' own sources, has a Chinese translation (a new package version that
// adds an English label fails here, naming it).
import { expect } from 'chai';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { translate } from '../../modeler/app/translate.js';
import { FORM_EDITOR_ZH } from '../../modeler/app/zh/form-editor.js';

const require = createRequire(import.meta.url);
const source = (pkg: string, file: string): string => fs.readFileSync(path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file), 'utf8');
const HAN = /[\u3400-\u9fff]/;
/** labels that are names or formats, the same in Chinese */
const SAME_IN_CHINESE = new Set(['BPMN', 'CMMN', 'ID']);

const found = (text: string, pattern: RegExp): string[] => [...new Set([...text.matchAll(pattern)].map((match) => match[1]!))].sort();
const untranslated = (labels: string[], chinese: (label: string) => string | undefined): string[] =>
  labels.filter((label) => !SAME_IN_CHINESE.has(label) && !HAN.test(chinese(label) ?? ''));

describe('modeler translations (static)', () => {
  describe('properties panel (bpmn-js-properties-panel, element templates)', () => {
    const panel = source('bpmn-js-properties-panel', 'dist/index.esm.js') + source('bpmn-js-element-templates', 'dist/index.esm.js');
    const labels = found(panel, /label:\s*translate\('([^']+)'\)/g);

    it('should find the panel\'s group and field labels in its sources', () => {
      expect(labels).to.include.members(['General', 'Implementation', 'Asynchronous continuations', 'Task definition', 'Candidate starter']);
    });

    it('should translate every group and field label into Chinese', () => {
      expect(untranslated(labels, (label) => translate(label))).to.deep.equal([]);
    });

    it('should translate the lint badge, with its counts', () => {
      const badge = found(source('bpmn-js-bpmnlint', 'dist/index.esm.js'), /'(\{errors\} Errors, \{warnings\} Warnings|No Issues)'/g);
      expect(badge).to.have.length(2);
      expect(translate('{errors} Errors, {warnings} Warnings', { errors: '2', warnings: '1' })).to.equal('2 个错误, 1 个警告');
      expect(untranslated(badge, (label) => translate(label))).to.deep.equal([]);
    });
  });

  describe('form editor (form-js 1.10)', () => {
    const editor = source('@bpmn-io/form-js-editor', 'dist/index.es.js');
    const viewer = source('@bpmn-io/form-js-viewer', 'dist/index.es.js');
    // the palette: each component's label and the iframe's security attributes (viewer); the
    // palette's groups and the properties panel's groups and fields (editor)
    const components = found(viewer, /label:\s*'([^'\n]+)'/g);
    const editorLabels = found(editor, /label:\s*'([^'\n]+)'/g);
    const returned = found(editor, /return\s*'((?:Field|Group|Table) label)'/g);
    const placeholders = found(editor, /placeholder:\s*"([^"\n]+)"/g);

    it('should find the palette entries and the panel\'s labels in the sources', () => {
      expect(components).to.include.members(['Text field', 'Checkbox', 'Select']);
      expect(editorLabels).to.include.members(['General', 'Validation', 'Required']);
    });

    it('should translate every palette entry, group and field label into Chinese', () => {
      expect(untranslated([...components, ...editorLabels, ...returned, ...placeholders], (label) => FORM_EDITOR_ZH[label])).to.deep.equal([]);
    });
  });
});
