// The template language of 文书: text without HTML escaping, built-in helpers only, every
// problem of an edited template named by its part.
import { expect } from 'chai';
import { checkTemplate, DEFAULT_TEMPLATES, DOCUMENT_KINDS, renderTemplate, type DocumentKind } from '../../../lib/documents/index.js';

describe('renderTemplate', () => {
  it('should fill the fields without escaping and split the body into paragraphs', () => {
    const text = renderTemplate({ title: '{{name}}通知书', numberPrefix: '审批字', body: '{{applicant}}：\n\n{{#each items}}{{this}}\n{{/each}}', sms: '【局】 {{applicant}}  您好' },
      { name: '受理', applicant: 'A&B <公司>', items: ['1. 甲', '2. 乙'] });
    expect(text).to.deep.equal({ title: '受理通知书', paragraphs: ['A&B <公司>：', '1. 甲', '2. 乙'], sms: '【局】 A&B <公司> 您好' });
  });

  it('should NOT reach prototype properties or call unknown helpers', () => {
    expect(renderTemplate({ title: 't', numberPrefix: 'x', body: '{{constructor.name}}' }, {}).paragraphs).to.deep.equal([]);
    expect(checkTemplate('refusal', { title: 't', numberPrefix: 'x', body: '{{lookup this "a"}}{{eval "1"}}' }).map((p) => p.rule)).to.include('syntax');
  });
});

describe('checkTemplate', () => {
  it('should accept every seeded default', () => {
    for (const kind of Object.keys(DOCUMENT_KINDS) as DocumentKind[]) expect(checkTemplate(kind, DEFAULT_TEMPLATES[kind]), kind).to.deep.equal([]);
  });

  it('should NOT accept a template without title or with a broken block, naming each part', () => {
    const problems = checkTemplate('grant', { title: ' ', numberPrefix: '审批准字', body: '{{#if a}}x' });
    expect(problems.map((p) => `${p.field}:${p.rule}`)).to.deep.equal(['title:required', 'body:syntax']);
  });
});
