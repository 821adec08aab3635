// form-js 1.10 validates in English and shows raw patterns; the 工作台 shows Chinese messages
// without regular expressions (the rule stays the form's, only the words change).
import type { Form } from '@bpmn-io/form-js-viewer';

const MESSAGES: Array<[RegExp, (match: RegExpExecArray) => string]> = [
  [/^Field is required\.$/, () => '此项为必填项'],
  [/^Field must match pattern /, () => '格式不正确, 请按字段说明填写'],
  [/^Field must have minimum value of (.+)\.$/, (m) => `不能小于 ${m[1]}`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `不能大于 ${m[1]}`],
  [/^Field must have minimum length of (.+)\.$/, (m) => `至少 ${m[1]} 个字符`],
  [/^Field must have maximum length of (.+)\.$/, (m) => `最多 ${m[1]} 个字符`],
  [/^Value is not a number\.$/, () => '请输入数字'],
  [/^Value is expected to be an integer\.$/, () => '请输入整数'],
  [/^Value is expected to have at most (\d+) decimal/, (m) => `最多 ${m[1]} 位小数`],
  [/nearest valid values are (.+) and (.+)\.$/, (m) => `请输入有效值, 最接近的是 ${m[1]} 或 ${m[2]}`],
  [/valid\s+international phone number/, () => '请输入有效的电话号码'],
  [/valid email/, () => '请输入有效的电子邮箱'],
];

export function inChinese(message: string): string {
  for (const [pattern, text] of MESSAGES) {
    const match = pattern.exec(message);
    if (match) return text(match);
  }
  return message;
}

type Validate = (...args: unknown[]) => string[];

/** Makes the form's validator speak Chinese. */
export function chineseValidation(form: Form): void {
  const validator = form.get('validator') as Record<string, Validate>;
  for (const method of ['validateField', 'validateFieldInstance']) {
    const original = validator[method]!.bind(validator);
    validator[method] = (...args) => original(...args).map(inChinese);
  }
}
