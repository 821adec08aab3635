// The template language of 文书 and notices: Handlebars without HTML escaping (the output is
// text typeset into a PDF or sent by SMS), only its built-in helpers, no prototype access.
import Handlebars from 'handlebars';
import type { DocumentKind } from './kinds.js';

const engine = Handlebars.create();
const OPTIONS = { noEscape: true, knownHelpersOnly: true, strict: false } as const;

export interface DocumentTemplate {
  /** the title on the page (may use fields: a licence is titled by its result name) */
  title: string;
  /** the 文号's word before the year: 〔审批受字〕 */
  numberPrefix: string;
  /** the text: one paragraph per line; a line ending with "：" before any other is the salutation */
  body: string;
  /** the short message to the applicant; none = no SMS for this kind */
  sms?: string;
}

export class TemplateError extends Error {
  constructor(readonly field: keyof DocumentTemplate, message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

const compile = (field: keyof DocumentTemplate, source: string) => {
  try {
    // compile() is lazy: precompile now, so a syntax error or an unknown helper names its part
    engine.precompile(source, OPTIONS);
    const render = engine.compile(source, OPTIONS);
    return (data: object) => render(data, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  } catch (error) {
    throw new TemplateError(field, `模板 ${field} 语法错误: ${(error as Error).message.split('\n')[0]}`);
  }
};

export interface RenderedText { title: string; paragraphs: string[]; sms: string | undefined }

/** Fills a template; throws TemplateError naming the part that does not compile. */
export function renderTemplate(template: DocumentTemplate, data: object): RenderedText {
  const part = (field: 'title' | 'body' | 'sms') => {
    const source = template[field];
    if (source === undefined) return undefined;
    try {
      return compile(field, source)(data);
    } catch (error) {
      if (error instanceof TemplateError) throw error;
      throw new TemplateError(field, `模板 ${field} 无法填充: ${(error as Error).message.split('\n')[0]}`);
    }
  };
  const body = part('body') ?? '';
  return {
    title: (part('title') ?? '').trim(),
    paragraphs: body.split('\n').map((line) => line.trim()).filter(Boolean),
    sms: part('sms')?.replace(/\s+/g, ' ').trim() || undefined,
  };
}

/** Every problem of an edited template at once (the analysts' page): empty = it may be saved. */
export function checkTemplate(kind: DocumentKind, template: Partial<DocumentTemplate>): Array<{ field: string; rule: string; message: string }> {
  const problems: Array<{ field: string; rule: string; message: string }> = [];
  for (const field of ['title', 'numberPrefix', 'body'] as const) {
    if (typeof template[field] !== 'string' || !template[field]!.trim()) problems.push({ field, rule: 'required', message: `${field} 必填 (${kind})` });
  }
  if (template.sms !== undefined && typeof template.sms !== 'string') problems.push({ field: 'sms', rule: 'type', message: 'sms 应为文本' });
  if (typeof template.numberPrefix === 'string' && !/^[\p{Script=Han}A-Za-z0-9]{1,12}$/u.test(template.numberPrefix)) {
    problems.push({ field: 'numberPrefix', rule: 'pattern', message: 'numberPrefix 应为 1 到 12 个汉字、字母或数字' });
  }
  for (const field of ['title', 'body', 'sms'] as const) {
    const source = template[field];
    if (typeof source !== 'string') continue;
    try {
      compile(field, source);
    } catch (error) {
      problems.push({ field, rule: 'syntax', message: (error as Error).message });
    }
  }
  return problems;
}
