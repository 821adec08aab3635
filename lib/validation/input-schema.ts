// Input of the library's own entry points (a rating, an appeal, a complaint) is checked with the
// project's ajv (createAjv) against a JSON Schema, like applications and every route: each field
// answers with the rule and the Chinese message the platform API documents, every problem at once,
// in the order of the fields. Rules across fields (a 12345 ticket needs its number) are given by
// the caller and count only for a field the schema found nothing wrong with.
import type { ErrorObject } from 'ajv';
import type { Problem } from '../errors.js';
import { createAjv } from './application-validator.js';

export interface FieldRule { rule: string; message: string }

/** A JSON pointer of ajv's error as the field it names (`complainant/name`), `required` included. */
function fieldOf(error: ErrorObject): string {
  const pointer = error.keyword === 'required' ? `${error.instancePath}/${String((error.params as { missingProperty: string }).missingProperty)}` : error.instancePath;
  return pointer.replace(/^\//, '');
}

export function inputChecker(schema: object, fields: Record<string, FieldRule>): (input: unknown, across?: Problem[]) => Problem[] {
  const validate = createAjv().compile(schema);
  const order = Object.keys(fields);
  // a problem inside a listed field (evidence/0) is the problem of the most specific field listed
  const listed = (field: string): string | undefined => order.filter((key) => field === key || field.startsWith(`${key}/`)).sort((a, b) => b.length - a.length)[0];
  return (input, across = []) => {
    const found = new Map<string, Problem>();
    if (!validate(input)) {
      for (const error of validate.errors ?? []) {
        const field = listed(fieldOf(error));
        if (field && !found.has(field)) found.set(field, { field, ...fields[field]! });
      }
    }
    const extra = across.filter((problem) => !found.has(problem.field));
    return order.flatMap((field) => [...(found.has(field) ? [found.get(field)!] : []), ...extra.filter((problem) => problem.field === field)]);
  };
}
