// The identifiers a form asks for, found by their field keys (the start forms name them
// …CreditCode and …IdCardNumber), checked as the clerk types and again by the web server.
import { checkCreditCode, checkIdCardNumber, type IdentifierCheck, type IdentifierRule } from './identifiers.js';

/** Rules only a code of the early pilots fails (试点期代码): the desk may waive them, recorded. */
export const PILOT_ERA_RULES: ReadonlySet<IdentifierRule> = new Set(['check-digit', 'org-code-check-digit']);

/** The check a field calls for, if it holds a 统一社会信用代码 or a 居民身份证号码. */
export function identifierCheckOf(key: string): ((value: string) => IdentifierCheck) | undefined {
  if (/CreditCode$/.test(key)) return (value) => checkCreditCode(value.trim().toUpperCase());
  if (/IdCardNumber$/.test(key)) return (value) => checkIdCardNumber(value.trim());
  return undefined;
}

/** A field's identifier problem, unless the code is waived as pilot-era (credit codes only). */
export function identifierProblem(key: string, value: unknown, pilotEraWaived: boolean): { rule: IdentifierRule; message: string } | undefined {
  const check = identifierCheckOf(key);
  if (!check || typeof value !== 'string' || value.trim() === '') return undefined;
  const result = check(value);
  if (result.ok) return undefined;
  if (pilotEraWaived && /CreditCode$/.test(key) && PILOT_ERA_RULES.has(result.rule)) return undefined;
  return { rule: result.rule, message: result.message };
}
