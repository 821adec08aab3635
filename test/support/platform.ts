// Calls to the platform API (网上平台) of the test system: a client of its own for each spec
// (created by an operator, key shown once), submissions with an Idempotency-Key, and a
// validator of real answers against the served OpenAPI document.
import { randomUUID } from 'node:crypto';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { System } from '../../bin/system.js';
import { basic, webBase } from './web.js';

export interface TestClient { id: string; apiKey: string; callbackSecret?: string }

export async function createPlatformClient(system: System, options: { name?: string; ratePerMinute?: number; rateBurst?: number; callbackUrl?: string } = {}): Promise<TestClient> {
  const response = await fetch(`${webBase(system)}/api/platform-clients`, {
    method: 'POST', headers: { authorization: basic('operator1'), 'content-type': 'application/json' },
    body: JSON.stringify({ name: options.name ?? `测试平台 ${randomUUID().slice(0, 8)}`, ratePerMinute: options.ratePerMinute ?? 100_000, rateBurst: options.rateBurst ?? 100_000, callbackUrl: options.callbackUrl }),
  });
  if (response.status !== 201) throw new Error(`creating a platform client: ${response.status} ${await response.text()}`);
  return (await response.json()) as TestClient;
}

export interface Answer { status: number; body: any; headers: Headers; text: string }

export async function call(system: System, path: string, init: { method?: string; key?: string; idempotencyKey?: string; json?: unknown; body?: FormData | string | Uint8Array; headers?: Record<string, string> } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.key) headers.authorization = `Bearer ${init.key}`;
  if (init.idempotencyKey) headers['idempotency-key'] = init.idempotencyKey;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${webBase(system)}${path}`, { method: init.method ?? 'POST', headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body as RequestInit["body"] });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch { /* not JSON: the assertion on it will say so */ }
  return { status: response.status, body, headers: response.headers, text };
}

export const submit = (system: System, key: string, submission: unknown, idempotencyKey: string = randomUUID()): Promise<Answer> =>
  call(system, '/api/v1/applications', { key, idempotencyKey, json: submission });

/** Validates answers against the schemas of the document the server serves. */
export class OpenApiValidator {
  private readonly compiled = new Map<string, ValidateFunction>();
  private constructor(private readonly ajv: Ajv2020, readonly document: any) {}

  static async load(system: System): Promise<OpenApiValidator> {
    const response = await fetch(`${webBase(system)}/api/openapi.json`);
    const document = (await response.json()) as { components: object };
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    ajv.addSchema({ $id: 'openapi', components: document.components });
    return new OpenApiValidator(ajv, document);
  }

  /** A body against one of the document's schemas (components/schemas/<name>). */
  checkSchema(name: string, body: unknown): string | undefined {
    const validate = this.ajv.getSchema(`openapi#/components/schemas/${name}`);
    if (!validate) return `no schema ${name} in the OpenAPI document`;
    return validate(body) ? undefined : `${name}: ${this.ajv.errorsText(validate.errors)} in ${JSON.stringify(body).slice(0, 500)}`;
  }

  /** The schema of an operation's answer with this status, compiled once. */
  check(path: string, method: string, status: number, body: unknown): string | undefined {
    const key = `${method} ${path} ${status}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      const schema = this.document.paths[path]?.[method]?.responses?.[status]?.content?.['application/json']?.schema;
      if (!schema) return `no schema for ${key} in the OpenAPI document`;
      const rewritten = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/'));
      validate = this.ajv.compile(rewritten);
      this.compiled.set(key, validate);
    }
    return validate(body) ? undefined : `${key}: ${this.ajv.errorsText(validate.errors)} in ${JSON.stringify(body).slice(0, 500)}`;
  }
}
