// The 表单 tab: the forms of the process (repository or engine) in the form-js editor of the
// version Camunda 7.24's Tasklist renders (schemaVersion 16), with a live preview in that
// version's viewer. Edited forms go with the process in the same deployment.
import { FormEditor } from '@bpmn-io/form-js-editor';
import { Form, schemaVersion } from '@bpmn-io/form-js-viewer';
import { api, ApiError } from './api.js';
import { speakChinese } from './form-editor-zh.js';

type Say = (message: string, kind?: 'ok' | 'error' | 'info') => void;

interface FormFile { name: string; content: string }

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;

/** forms/<process>/<step>.form has the id <process>-<step> (conventions). */
const idOf = (path: string): string => path.replace(/^forms\//, '').replace(/\.form$/, '').replace('/', '-');

export class FormsTab {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private editor: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private preview: any;
  private current: FormFile | undefined;
  private readonly sources = new Map<string, FormFile>();
  private readonly changed = new Map<string, FormFile>();
  private referenced: string[] = [];

  constructor(private readonly say: Say) {
    $('schema-version').textContent = String(schemaVersion);
    $<HTMLSelectElement>('form-select').addEventListener('change', (event) => void this.select((event.target as HTMLSelectElement).value));
    $('form-save-button').addEventListener('click', () => void this.save());
  }

  setContext(_context: unknown): void {
    this.render();
  }

  listRepositoryForms(paths: string[]): void {
    for (const path of paths) this.sources.set(idOf(path), { name: path, content: '' });
    this.render();
  }

  addDeployed(forms: FormFile[]): void {
    for (const form of forms) {
      try {
        const id = (JSON.parse(form.content) as { id: string }).id;
        this.sources.set(id, form);
      } catch {
        // an unreadable form in the engine shows when it is opened
      }
    }
    this.render();
  }

  /** The forms the diagram references come first in the list. */
  useDiagram(xml: string): void {
    this.referenced = [...new Set([...xml.matchAll(/camunda:formRef="([^"]+)"/g)].map((match) => match[1]!))];
    this.render();
  }

  edited(): FormFile[] {
    return [...this.changed.values()];
  }

  private render(): void {
    const select = $<HTMLSelectElement>('form-select');
    const value = select.value;
    const ids = [...new Set([...this.referenced, ...[...this.sources.keys()].sort()])];
    select.replaceChildren(new Option('选择表单 …', ''), ...ids.map((id) => new Option(`${this.referenced.includes(id) ? '★ ' : ''}${id}${this.changed.has(id) ? ' (已修改)' : ''}`, id)));
    select.value = value;
  }

  show(): void {
    if (this.editor) return;
    speakChinese($('form-editor'));
    this.editor = new FormEditor({ container: $('form-editor') });
    this.preview = new Form({ container: $('form-preview') });
    this.editor.on('changed', () => {
      if (!this.current) return;
      const schema = this.editor.saveSchema();
      const file = { name: this.current.name, content: JSON.stringify(schema, null, 2) };
      this.changed.set(schema.id, file);
      void this.preview.importSchema(schema).catch(() => undefined);
    });
  }

  private async select(id: string): Promise<void> {
    if (!id) return;
    const known = this.changed.get(id) ?? this.sources.get(id);
    const name = known?.name ?? `forms/${id}.form`;
    let content = known?.content ?? '';
    if (!content && name.startsWith('forms/')) {
      try {
        content = (await api<{ content: string }>('GET', `/file?path=${encodeURIComponent(name)}`)).content;
      } catch (error) {
        this.say(error instanceof ApiError ? error.message : String(error), 'error');
        return;
      }
    }
    await this.open(name, content);
  }

  async open(name: string, content: string): Promise<void> {
    this.show();
    let schema: { id?: string; schemaVersion?: number };
    try {
      schema = JSON.parse(content) as typeof schema;
    } catch (error) {
      this.say(`无法打开表单 ${name}: 不是合法的 JSON — ${(error as Error).message}`, 'error');
      return;
    }
    if (typeof schema.id !== 'string') {
      this.say(`无法打开表单 ${name}: 缺少 "id" (formRef 引用它)`, 'error');
      return;
    }
    if ((schema.schemaVersion ?? 0) > schemaVersion) {
      this.say(`表单 ${name} 的 schemaVersion ${schema.schemaVersion} 高于 Tasklist 支持的 ${schemaVersion}: Tasklist 可能无法显示`, 'error');
    }
    try {
      await this.editor.importSchema(schema);
      await this.preview.importSchema(schema);
    } catch (error) {
      this.say(`无法打开表单 ${name}: ${(error as Error).message}`, 'error');
      return;
    }
    this.current = { name, content };
    this.sources.set(schema.id, this.sources.get(schema.id) ?? { name, content });
    this.render();
    $<HTMLSelectElement>('form-select').value = schema.id;
    this.say(`已打开表单 ${schema.id} (${name})`, 'ok');
  }

  private async save(): Promise<void> {
    if (!this.current || !this.current.name.startsWith('forms/')) {
      this.say('请先打开仓库中的表单', 'error');
      return;
    }
    const content = JSON.stringify(this.editor.saveSchema(), null, 2);
    try {
      await api('PUT', `/file?path=${encodeURIComponent(this.current.name)}`, { content });
      this.say(`已保存表单 ${this.current.name}`, 'ok');
    } catch (error) {
      this.say(error instanceof ApiError ? error.message : String(error), 'error');
    }
  }
}
