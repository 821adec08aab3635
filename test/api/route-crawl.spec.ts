// Every route of the web server and the platform API, found in the express app's own router
// stack (a new route is crawled without touching this spec), called by a user of every group
// with malformed path segments, query values and bodies. Every answer must be a 4xx naming the
// field and the rule, never a 5xx, and nothing may be written (row counts of both schemas).
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import { createApp } from '../../api/app.js';
import { WORKERS } from '../../workers/index.js';
import { EngineClient } from '../../lib/engine/client.js';
import { GROUPS } from '../../lib/engine/directory.js';
import { createLogger } from '../../lib/log.js';
import { rowCounts } from '../../lib/repositories/tables.js';
import type { System } from '../../bin/system.js';
import { createPlatformClient } from '../support/platform.js';
import { useSystem } from '../support/system.js';
import { basic, probeUser, webBase } from '../support/web.js';

interface Route { method: string; path: string }

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
  rawPath?: string | string[];
}

/** The app's routes, from its router stack: mounted routers are walked with their mount path. */
export function routesOf(app: Express): Route[] {
  const found: Route[] = [];
  const walk = (stack: Layer[], prefix: string): void => {
    for (const layer of stack) {
      const paths = (raw: string | string[] | undefined): string[] => (raw === undefined ? [''] : Array.isArray(raw) ? raw : [raw]).filter((p) => typeof p === 'string');
      if (layer.route) {
        for (const path of paths(layer.route.path)) {
          for (const method of Object.keys(layer.route.methods).filter((m) => m !== '_all')) found.push({ method: method.toUpperCase(), path: `${prefix}${path}`.replace(/\/+$/, '') || '/' });
        }
      } else if (layer.handle.stack) {
        for (const path of paths(layer.rawPath)) walk(layer.handle.stack, `${prefix}${path === '/' ? '' : path}`);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return found;
}

/** Malformed path segments and query values: bytes PostgreSQL refuses, bad escapes, impossible dates, numbers out of range. */
const MALFORMED = [
  '%00', 'a%00b', '%FF', '%E4%B8', '%C0%AF', '%01', '1e999', '-1', '0', '99999999999999999999', 'NaN', 'Infinity', '2026-02-30', '2026-13-01',
  '0000-00-00', '__proto__', '..%2F..%2Fetc%2Fpasswd', '%20', 'x'.repeat(600), '%F0%9F%92%A9', '%E2%80%AE', "'%20OR%201=1--",
];
const QUERY_NAMES = ['q', 'item', 'from', 'to', 'subject', 'year', 'month', 'workingDays', 'repair', 'path', 'key', 'version'];
/** well-formed path values that name nothing, so that a body reaches its route's checks and nothing happens */
const HARMLESS: Record<string, string> = { receiptNumber: 'SP19990101999999', key: 'no-such-item-crawl', version: '999999', complaintNumber: 'TS-NONE', id: 'none', licenceNumber: 'NONE-0', itemKey: 'no-such-item-crawl' };

const BOUNDARY = 'crawl-boundary';
const BODIES: Array<{ type: string; body: string | Buffer }> = [
  { type: 'application/json', body: '{' },
  { type: 'application/json', body: '[]' },
  { type: 'application/json', body: 'null' },
  { type: 'application/json', body: '"x"' },
  { type: 'application/json', body: '{}' },
  { type: 'application/json', body: '{"a":"\\u0000","materials":[{"code":"\\u0000"}],"name":"a\\u0000b"}' },
  { type: 'application/json', body: JSON.stringify({ occurredOn: '2026-13-01', validUntil: '2026-02-30', receivedOn: '2026-02-30', ratedOn: '2026-13-01', kind: '检查', department: 'x', result: 'x', reference: 'x', receiptNumber: HARMLESS.receiptNumber }).replace('"x"', '1e999') },
  { type: 'application/json', body: '{"materials":[{"code":"x","copies":1e999}],"ratePerMinute":1e999,"name":"爬虫"}' },
  { type: 'application/json', body: `${'['.repeat(5000)}${']'.repeat(5000)}` },
  { type: 'application/json; charset=latin-9', body: '{}' },
  { type: 'application/json', body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
  { type: 'text/plain', body: 'hello' },
  { type: 'application/x-www-form-urlencoded', body: 'a=%00&b=%FF' },
  { type: `multipart/form-data; boundary=${BOUNDARY}`, body: `--${BOUNDARY}\r\ncontent-disposition: form-data; name="submission"\r\n\r\n{}\r\n--${BOUNDARY}\r\ncontent-disposition: form-data; name="x"; filename="a.pdf"\r\n\r\n%PDF-1.7 cut` },
  { type: 'multipart/form-data', body: 'no boundary' },
  { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: Buffer.from('PK\u0003\u0004 not a workbook') },
];

describe('every route (crawl with malformed input)', function () {
  this.timeout(300_000);
  let system: System;
  let routes: Route[];
  let headers: Record<string, string>;
  const failures: string[] = [];

  const counts = () => rowCounts(system.db, [system.config.appSchema, system.config.engineSchema]);

  const send = async (route: Route, url: string, init: { type?: string; body?: string | Buffer } = {}): Promise<void> => {
    const response = await fetch(`${webBase(system)}${url}`, {
      method: route.method,
      headers: { ...headers, ...(init.type ? { 'content-type': init.type } : {}), 'idempotency-key': randomUUID() },
      body: init.body,
    }).catch((error: Error) => ({ status: 599, text: async () => error.message, headers: new Headers() }));
    const text = await response.text();
    const where = `${route.method} ${url.slice(0, 120)}${init.type ? ` [${init.type}] ${String(init.body).slice(0, 40)}` : ''}`;
    if (response.status >= 500) failures.push(`${where} → ${response.status} ${text.slice(0, 200)}`);
    else if (response.status === 400 && response.headers.get('content-type')?.includes('json')) {
      const problems = (JSON.parse(text) as { problems?: Array<{ field?: string; rule?: string }> }).problems;
      if (!problems?.length || problems.some((p) => !p.field || !p.rule)) failures.push(`${where} → 400 without field and rule: ${text.slice(0, 200)}`);
    }
  };

  before(async () => {
    system = await useSystem();
    const app = createApp({ config: system.config, db: system.db, engine: new EngineClient(system.config.engine.restUrl, system.config.service), log: createLogger({ component: 'crawl' }), workers: WORKERS });
    routes = routesOf(app);
    const user = await probeUser(system, Object.values(GROUPS).map((group) => group.id));
    const client = await createPlatformClient(system);
    headers = { authorization: basic(user), 'x-api-key': client.apiKey, 'x-requested-with': 'route-crawl' };
  });

  it('should find the routes of the staff API, the public pages and the platform API', () => {
    const paths = routes.map((route) => `${route.method} ${route.path}`);
    expect(paths).to.include.members(['GET /api/cases/:receiptNumber', 'POST /api/v1/applications', 'GET /public/licences.json', 'POST /api/calendar/years/:year/publish']);
  });

  it('should answer every malformed path segment, query value and body with a 4xx, and write nothing', async () => {
    const before = await counts();
    const requests: Array<() => Promise<void>> = [];
    for (const route of routes) {
      const params = [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1]!);
      const fill = (value: (name: string) => string) => route.path.replace(/:(\w+)/g, (_all, name: string) => value(name));
      for (const value of MALFORMED) {
        for (const name of params) requests.push(() => send(route, fill((other) => (other === name ? value : HARMLESS[other] ?? value))));
        requests.push(() => send(route, `${fill((name) => HARMLESS[name] ?? value)}?${QUERY_NAMES.map((name) => `${name}=${value}`).join('&')}`));
      }
      if (route.method !== 'GET') {
        for (const body of BODIES) requests.push(() => send(route, fill((name) => HARMLESS[name] ?? '%00'), body));
      }
    }
    for (let at = 0; at < requests.length; at += 8) await Promise.all(requests.slice(at, at + 8).map((request) => request()));
    expect(failures, failures.join('\n')).to.deep.equal([]);
    const after = await counts();
    const changed = Object.keys(after).filter((table) => after[table] !== before[table]).map((table) => `${table}: ${before[table]} → ${after[table]}`);
    expect(changed, `${requests.length} requests wrote rows`).to.deep.equal([]);
  });
});
