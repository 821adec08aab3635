// 文书: every act of a case in writing, as a numbered PDF (templates as versioned data, a CJK font
// from a package, a verification code and QR); the notice that goes with it is lib/notices.
export * from './acts.js';
export { DOCUMENT_KINDS, isDocumentKind, type DocumentKind } from './kinds.js';
export { DEFAULT_TEMPLATES } from './defaults.js';
export { actKey, formatDocumentNumber, issueDocument, printedCode, verificationUrl, type DocumentSettings, type IssuedDocument } from './issue.js';
export { chineseDate, renderPdf } from './pdf.js';
export { checkTemplate, renderTemplate, TemplateError, type DocumentTemplate } from './template-engine.js';
export { templateInForce } from './templates.js';
export { documentTemplateVersions, listDocumentTemplates, previewDocument, previewText, saveDocumentTemplate, type PreviewText } from './editing.js';
