// Fuzzing the platform API: thousands of bad requests generated from the item's application
// schema (the one the API serves) and from what can go wrong on the wire. Every answer must be
// a 4xx with its problems listed, never a 5xx and never an accepted case, and nothing may be
// stored. The seed is printed; `SHENPI_FUZZ_SEED=<n>` replays a run.
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { System } from '../../bin/system.js';
import { platformRowCounts } from '../../lib/repositories/platform.js';
import { sampleApplication } from '../support/applications.js';
import { createPlatformClient, type TestClient } from '../support/platform.js';
import { useSystem } from '../support/system.js';
import { webBase } from '../support/web.js';
import { readEntry } from '../processes/items/scenarios.js';

const SEED = Number(process.env.SHENPI_FUZZ_SEED ?? 20261122);
const REQUESTS = Number(process.env.SHENPI_FUZZ_REQUESTS ?? 3000);
const IN_FLIGHT = 8;

/** mulberry32: small, fast, and the same sequence for the same seed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; items?: Schema; required?: string[]; enum?: unknown[]; pattern?: string; minLength?: number; maxLength?: number; minimum?: number; maximum?: number; format?: string; const?: unknown };
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const NASTY_STRINGS = [
  "'; DROP TABLE case_record; --", '" OR 1=1 --', '<script>alert(1)</script>', '${jndi:ldap://x/a}', '{{7*7}}', '#{1+1}', '../../../../etc/passwd',
  '\u0000', 'a\u0000b', '\u202eevil', '\ud800', '\udfff', '\uffff', '\u200b\u200b', '𠜎𠜱𠝹', '👩‍👩‍👧‍👦', 'Ａ'.repeat(40), '\r\n\r\nHTTP/1.1 200 OK', '%00', '__proto__', 'constructor',
  'null', 'true', '-1', '1e309', '', ' ', '٣٤٥', 'x'.repeat(10_000),
];

function schemaPaths(schema: Schema, at = ''): Array<{ path: string[]; schema: Schema; required: boolean }> {
  const found: Array<{ path: string[]; schema: Schema; required: boolean }> = [];
  const walk = (node: Schema, path: string[], required: boolean): void => {
    found.push({ path, schema: node, required });
    for (const [key, child] of Object.entries(node.properties ?? {})) walk(child, [...path, key], (node.required ?? []).includes(key));
    if (node.items) walk(node.items, [...path, '0'], true);
  };
  walk(schema, at ? at.split('/') : [], true);
  return found;
}

/** A value that breaks the schema at this place: wrong type, out of range, not in the enum, … */
function badValue(schema: Schema, random: () => number): Json {
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const wrongTypes: Json[] = [123, -1.5, true, null, [], {}, ['a'], { a: 1 }, 'text'];
  const candidates: Json[] = wrongTypes.filter((value) => {
    const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : typeof value;
    return actual !== type && !(type === 'number' && actual === 'integer');
  });
  if (type === 'string') {
    candidates.push(...(schema.enum ? ['不在枚举中的值'] : []), ...(schema.maxLength ? ['长'.repeat(schema.maxLength + 1)] : []), ...(schema.minLength ? [''] : []));
    if (schema.pattern || schema.format) candidates.push("'; DROP TABLE case_record; --", '<script>alert(1)</script>', '91330100799655058C', '110105194912310021', '2026-02-30');
  }
  if (type === 'integer' || type === 'number') candidates.push(...(schema.minimum !== undefined ? [schema.minimum - 1] : []), ...(schema.maximum !== undefined ? [schema.maximum + 1] : []), 1e308, 0.5);
  return pick(candidates);
}

function setAt(target: Record<string, Json>, path: string[], value: Json | undefined): void {
  let node: Json = target;
  for (const part of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return;
    node = (node as Record<string, Json>)[part] as Json;
  }
  if (node === null || typeof node !== 'object') return;
  const last = path.at(-1)!;
  if (value === undefined) delete (node as Record<string, Json>)[last];
  else (node as Record<string, Json>)[last] = value;
}

interface FuzzRequest { label: string; headers: Record<string, string>; body: string | Buffer | FormData; path: string }

describe('platform API fuzz (schema-driven bad requests)', function () {
  this.timeout(180_000);
  let system: System;
  let client: TestClient;

  before(async () => {
    system = await useSystem();
    client = await createPlatformClient(system);
  });

  it(`should answer ${REQUESTS} generated bad requests with a 4xx listing problems, never a 5xx, storing nothing`, async () => {
    // eslint-disable-next-line no-console
    console.log(`      fuzz seed ${SEED} (SHENPI_FUZZ_SEED=${SEED} replays this run), ${REQUESTS} requests`);
    const random = prng(SEED);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const entry = readEntry('food-business-licence');
    const web = webBase(system);
    const schemaResponse = await fetch(`${web}/api/v1/items/${entry.key}/application-schema`, { headers: { authorization: `Bearer ${client.apiKey}` } });
    expect(schemaResponse.status).to.equal(200);
    const schema = (await schemaResponse.json()) as Schema;
    const places = schemaPaths(schema);
    const valid = sampleApplication(entry) as Record<string, Json>;
    const auth = { authorization: `Bearer ${client.apiKey}` };

    const applicationRequest = (): FuzzRequest => {
      const application = structuredClone(valid);
      const labels: string[] = [];
      const mutations = 1 + Math.floor(random() * 3);
      for (let i = 0; i < mutations; i += 1) {
        const place = pick(places);
        const choice = random();
        if (choice < 0.45) {
          setAt(application, place.path, badValue(place.schema, random));
          labels.push(`bad ${place.path.join('/')}`);
        } else if (choice < 0.6 && place.path.length) {
          setAt(application, place.path, undefined);
          labels.push(`drop ${place.path.join('/')}`);
        } else if (choice < 0.85 && place.path.length) {
          setAt(application, place.path, pick(NASTY_STRINGS));
          labels.push(`nasty ${place.path.join('/')}`);
        } else {
          setAt(application, [...place.path, pick(['__proto__', 'extra', '$where', 'constructor'])], pick(NASTY_STRINGS));
          labels.push(`extra ${place.path.join('/')}`);
        }
      }
      // a required material always missing: whatever the mutations left, this is not acceptable
      // (a plain loop: a mutation may have set the array's own `constructor`)
      const kept: Json[] = [];
      for (const m of Array.isArray(application.materials) ? application.materials : []) if (!(m && typeof m === 'object' && (m as Record<string, Json>).code === 'application-form')) kept.push(m);
      application.materials = kept;
      const envelope: Record<string, Json> = random() < 0.9 ? { itemKey: entry.key, application } : pick<Record<string, Json>>([
        { itemKey: pick(NASTY_STRINGS), application }, { bundleKey: entry.key, application }, { itemKey: entry.key, bundleKey: 'road-excavation', application },
        { application }, { itemKey: entry.key, application: pick<Json>([null, [], 'x', 1]) }, { itemKey: entry.key, application, extra: 1 },
      ]);
      let text = JSON.stringify(envelope);
      if (random() < 0.05) text = text.replace('"application"', '"application\\u0000"');
      return { label: labels.join(', '), headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': randomUUID() }, body: text, path: '/api/v1/applications' };
    };

    const wireRequest = (): FuzzRequest => {
      const text = JSON.stringify({ itemKey: entry.key, application: valid });
      const key = randomUUID();
      const kinds: Array<() => FuzzRequest> = [
        () => ({ label: 'truncated JSON', headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': key }, body: text.slice(0, Math.floor(random() * text.length)), path: '/api/v1/applications' }),
        () => ({ label: 'JSON scalar', headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': key }, body: pick(['1', '"x"', 'null', 'true', '[]', '{}']), path: '/api/v1/applications' }),
        () => ({ label: 'wrong content type', headers: { ...auth, 'content-type': pick(['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data', 'multipart/form-data; boundary=', 'application/json; charset=latin1', 'application/jsonx']), 'idempotency-key': key }, body: text, path: '/api/v1/applications' }),
        () => ({ label: 'no content type', headers: { ...auth, 'idempotency-key': key }, body: text, path: '/api/v1/applications' }),
        () => ({ label: 'oversized JSON', headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify({ itemKey: entry.key, application: { ...valid, pad: 'x'.repeat(system.config.platformApi.maxJsonBytes) } }), path: '/api/v1/applications' }),
        () => ({ label: 'deep nesting', headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': key }, body: `{"itemKey":"${entry.key}","application":${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}}`, path: '/api/v1/applications' }),
        () => ({ label: 'deep arrays', headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': key }, body: `${'['.repeat(5000)}${']'.repeat(5000)}`, path: '/api/v1/applications' }),
        () => ({ label: 'invalid UTF-8', headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': key }, body: Buffer.concat([Buffer.from('{"itemKey":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('","application":{}}')]), path: '/api/v1/applications' }),
        () => ({ label: 'bad gzip', headers: { ...auth, 'content-type': 'application/json', 'content-encoding': pick(['gzip', 'deflate', 'br', 'compress']), 'idempotency-key': key }, body: Buffer.from('not compressed at all'), path: '/api/v1/applications' }),
        () => ({ label: 'gzip bomb-ish', headers: { ...auth, 'content-type': 'application/json', 'content-encoding': 'gzip', 'idempotency-key': key }, body: gzipSync(Buffer.from(`{"pad":"${'0'.repeat(2_000_000)}"}`)), path: '/api/v1/applications' }),
        () => ({ label: 'no idempotency key', headers: { ...auth, 'content-type': 'application/json' }, body: text, path: '/api/v1/applications' }),
        () => ({ label: 'bad idempotency key', headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': pick(['short', 'a b c d e f g h', "'; DROP TABLE x;--", 'k'.repeat(300), 'cl\u00e9-\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff']) }, body: text, path: '/api/v1/applications' }),
        () => ({ label: 'no key', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: text, path: '/api/v1/applications' }),
        () => ({ label: 'bad key', headers: { authorization: pick([`Bearer ${client.apiKey}0`, 'Bearer ', 'Basic d2luZG93MTpzaGVucGktZGVtbw==', `Bearer spk_${client.id}.${'A'.repeat(43)}`, "Bearer spk_' OR 1=1.xxxxxxxxxxxxxxxxxxxx"]), 'content-type': 'application/json', 'idempotency-key': key }, body: text, path: '/api/v1/applications' }),
        () => {
          const form = new FormData();
          if (random() < 0.8) form.append('submission', random() < 0.5 ? text.slice(0, Math.floor(random() * text.length)) : JSON.stringify({ itemKey: entry.key, application: { ...valid, materials: [] } }));
          const files = Math.floor(random() * 4);
          for (let i = 0; i < files; i += 1) {
            const bytes = Buffer.from(Array.from({ length: 1 + Math.floor(random() * 64) }, () => Math.floor(random() * 256)));
            form.append(pick(['application-form', 'premises-layout', 'unknown-material', '../../etc', '']), new Blob([bytes]), pick(['a.pdf', 'b.png', 'c.exe', 'd.ofd', '../../x.jpg', '\u202efdp.exe']));
          }
          if (random() < 0.2) form.append('other', 'x');
          return { label: 'multipart', headers: { ...auth, 'idempotency-key': key }, body: form, path: '/api/v1/applications' };
        },
        () => ({ label: 'progress query', headers: { ...auth, 'content-type': 'application/json' }, body: pick([JSON.stringify({ applicantCode: pick(NASTY_STRINGS) }), JSON.stringify({ phone: pick([1, null, [], {}]) }), '{', '[]', JSON.stringify({})]), path: `/api/v1/cases/${encodeURIComponent(pick(['SP20261122000001', "SP' OR 1=1", '%00', '..%2F..', 'x'.repeat(300)]))}/progress` }),
        // 好差评 on a receipt number no case has (or a malformed one), and bad ratings: never stored
        () => ({ label: 'rating', headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': randomUUID() }, body: pick([
          JSON.stringify({ level: pick([0, 6, '5', null, 2.5, -1, pick(NASTY_STRINGS)]), named: pick([true, 'no', null]) }),
          JSON.stringify({ level: 1, named: false }),
          JSON.stringify({ level: 4, named: true, applicantCode: pick(NASTY_STRINGS) }),
          JSON.stringify({ level: 2, named: false, comment: pick(NASTY_STRINGS), [pick(['__proto__', 'extra', '$where'])]: 1 }),
          '{', '[]', 'null', JSON.stringify({ level: 5, named: false, comment: 'x'.repeat(5000) }),
        ]), path: `/api/v1/cases/${encodeURIComponent(pick(['SP19990101000001', "SP' OR 1=1", '..%2F..', 'x'.repeat(300)]))}/ratings${pick(['', '/appeal'])}` }),
        // 政务失信投诉 from 12345 that can never be taken (a field outside the list, parts missing)
        () => ({ label: 'complaint', headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': randomUUID() }, body: pick([
          JSON.stringify({ externalId: pick(NASTY_STRINGS), complainant: { name: pick(NASTY_STRINGS), phone: pick(['1', null, 13904710000, pick(NASTY_STRINGS)]) }, respondent: pick([{}, null, 'x', { name: pick(NASTY_STRINGS) }]), field: pick(['其他', '', null, pick(NASTY_STRINGS)]), promise: pick(NASTY_STRINGS), facts: pick(NASTY_STRINGS) }),
          JSON.stringify({ complainant: { name: '王建军', phone: '13904710000' }, respondent: { name: '某中心' }, field: '招商引资', promise: '承诺兑现奖励', facts: '未兑现' }),
          JSON.stringify({ externalId: 'T-1', field: '招商引资' }), '{', '[]', JSON.stringify(pick(NASTY_STRINGS)),
        ]), path: '/api/v1/complaints' }),
        () => ({ label: 'unknown route', headers: { ...auth, 'content-type': 'application/json' }, body: text, path: pick(['/api/v1/application', '/api/v1/', '/api/v1/cases', '/api/v1/applications/1']) }),
      ];
      return pick(kinds)();
    };

    // what an online application leaves: its case (business key online-…), its process, the platform's rows
    const stored = async () => ({
      cases: Number((await system.db('case_record').whereLike('business_key', 'online-%').count({ n: '*' }).first())?.n),
      instances: (await system.admin.get<{ count: number }>('/history/process-instance/count?processInstanceBusinessKeyLike=online-%25')).count,
      ...(await platformRowCounts(system.db)),
      ratings: Number((await system.db('service_rating').count({ n: '*' }).first())?.n),
      complaints: Number((await system.db('integrity_complaint').count({ n: '*' }).first())?.n),
    });
    const before = await stored();
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const started = Date.now();
    await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
      while (next < REQUESTS) {
        const index = next++;
        const request = random() < 0.6 ? applicationRequest() : wireRequest();
        let status = 0;
        let text = '';
        try {
          const response = await fetch(`${web}${request.path}`, { method: 'POST', headers: request.headers, body: request.body as RequestInit['body'] });
          status = response.status;
          text = await response.text();
        } catch (error) {
          // the server may close the connection after a 413 while the body is still being sent
          if (request.label.startsWith('oversized') || request.label.startsWith('gzip')) continue;
          failures.push(`#${index} ${request.label}: ${(error as Error).message}`);
          continue;
        }
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        let problems: unknown;
        try {
          problems = (JSON.parse(text) as { problems?: unknown }).problems;
        } catch { /* reported below */ }
        if (status < 400 || status >= 500) failures.push(`#${index} ${request.label}: ${status} ${text.slice(0, 300)}`);
        else if (!Array.isArray(problems) || problems.length === 0) failures.push(`#${index} ${request.label}: ${status} without problems: ${text.slice(0, 300)}`);
      }
    }));
    // eslint-disable-next-line no-console
    console.log(`      ${REQUESTS} requests in ${((Date.now() - started) / 1000).toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(failures.slice(0, 20), `seed ${SEED}: ${failures.length} failures`).to.deep.equal([]);
    expect(await stored(), `seed ${SEED}: rows stored by bad requests`).to.deep.equal(before);
  });
});
