// The platform API (网上平台) against the running test system: acceptance with a receipt number
// and a running case, 一次性告知 with nothing stored, idempotent replay (also concurrent), API
// keys, rate limits, attachments, catalogue and check-digit errors, and the applicant's progress
// query; every answer checked against the served OpenAPI document.
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import type { System } from '../../bin/system.js';
import { findCaseByReceipt } from '../../lib/repositories/cases.js';
import { platformRowCounts } from '../../lib/repositories/platform.js';
import { applicationSchema } from '../../lib/platform/intake.js';
import { sampleApplication, uniqueCreditCode, VALID_ID_CARD } from '../support/applications.js';
import { CaseDriver, MEMBER } from '../support/cases.js';
import { call, createPlatformClient, OpenApiValidator, submit, type Answer, type TestClient } from '../support/platform.js';
import { waitFor } from '../support/process.js';
import { useSystem } from '../support/system.js';
import { basic, webBase } from '../support/web.js';
import { readEntry } from '../processes/items/scenarios.js';
import { bundleApplication, readBundle } from '../processes/bundles/support.js';

const APPLICATIONS = '/api/v1/applications';
const PROGRESS = '/api/v1/cases/{receiptNumber}/progress';
const STAFF = ['window1', 'market1', 'construction1', 'municipal1', 'health1', 'police1', 'legal1', 'leader1', 'analyst1', 'operator1', 'admin', 'shenpiService'];
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('platform API (网上平台: 网上申请, 办件查询)', function () {
  this.timeout(120_000);
  let system: System;
  let client: TestClient;
  let openApi: OpenApiValidator;

  const food = () => readEntry('food-business-licence');
  const hygiene = () => readEntry('public-place-hygiene-licence');
  const expectDocumented = (path: string, answer: Answer, method = 'post'): void => {
    expect(openApi.check(path, method, answer.status, answer.body)).to.equal(undefined);
  };
  const caseCount = async (): Promise<number> => Number((await system.db('case_record').count({ n: '*' }).first())?.n);
  const instanceCount = async (): Promise<number> => (await system.admin.get<{ count: number }>('/history/process-instance/count')).count;
  const stored = async () => ({ cases: await caseCount(), instances: await instanceCount(), ...(await platformRowCounts(system.db)) });
  const registered = (receiptNumber: string) => waitFor(`case ${receiptNumber} registered`, async () => findCaseByReceipt(system.db, receiptNumber), 30_000);

  before(async () => {
    system = await useSystem();
    client = await createPlatformClient(system);
    openApi = await OpenApiValidator.load(system);
  });

  describe('OpenAPI document', () => {
    it('should be served without login, as OpenAPI 3.1 built from the catalogue application schema', async () => {
      const response = await fetch(`${webBase(system)}/api/openapi.json`);
      expect(response.status).to.equal(200);
      const document = (await response.json()) as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
      expect(document.openapi).to.equal('3.1.0');
      expect(Object.keys(document.paths)).to.include.members([APPLICATIONS, PROGRESS]);
      expect(document.components.schemas.Application).to.deep.equal(applicationSchema());
    });
  });

  describe('POST /api/v1/applications', () => {
    it('should accept a complete application with a receipt number at once and start its case', async () => {
      const entry = hygiene();
      const answer = await submit(system, client.apiKey, { itemKey: entry.key, application: sampleApplication(entry, { creditCode: uniqueCreditCode() }) });
      expect(answer.status, answer.text).to.equal(201);
      expectDocumented(APPLICATIONS, answer);
      expect(answer.body).to.include({ status: 'received', kind: 'item', catalogueKey: entry.key, acceptancePath: 'complete' });
      expect(answer.body.receiptNumber).to.match(/^SP\d{14}$/);
      expect(answer.headers.get('location')).to.equal(`/api/v1/cases/${answer.body.receiptNumber}/progress`);
      // the case registers with the receipt number the applicant already has
      const record = await registered(answer.body.receiptNumber);
      expect(record).to.include({ itemKey: entry.key, status: '已收件' });
      const driver = new CaseDriver(system.admin, entry.key, record.businessKey);
      expect((await driver.task('ReviewMaterialsTask')).name).to.equal('受理审核');
      expect(await driver.variable('applicationChannel')).to.equal('网上申请');
    });

    it('should answer a deficient application with the whole 一次性告知 list and store nothing', async () => {
      const entry = food();
      const before = await stored();
      const application = sampleApplication(entry, { omitMaterials: ['application-form', 'premises-layout'] });
      (application.applicant as Record<string, unknown>).phone = '12345';
      const answer = await submit(system, client.apiKey, { itemKey: entry.key, application });
      expect(answer.status).to.equal(422);
      expectDocumented(APPLICATIONS, answer);
      expect(answer.body.error).to.equal('application-deficient');
      expect(answer.body.problems.map((p: { field: string; rule: string }) => `${p.field} ${p.rule}`)).to.have.members([
        '/application/materials/application-form material:missing', '/application/materials/premises-layout material:missing', '/application/applicant/phone pattern',
      ]);
      expect(answer.body.notice).to.contain('食品经营许可申请书').and.to.contain('联系电话');
      // the same key may carry the corrected application: a refused request consumed nothing
      expect(await stored()).to.deep.equal(before);
    });

    it('should replay the first answer for the same key and body, with one case, also for concurrent duplicates', async () => {
      const entry = hygiene();
      const submission = { itemKey: entry.key, application: sampleApplication(entry, { creditCode: uniqueCreditCode() }) };
      const key = randomUUID();
      const answers = await Promise.all([1, 2, 3].map(() => submit(system, client.apiKey, submission, key)));
      const first = answers.find((answer) => answer.headers.get('idempotent-replayed') !== 'true')!;
      expect(answers.map((answer) => answer.status)).to.deep.equal([201, 201, 201]);
      expect(answers.filter((answer) => answer.headers.get('idempotent-replayed') === 'true')).to.have.length(2);
      for (const answer of answers) expect(answer.body).to.deep.equal(first.body);
      // key order does not make another request
      const reordered = JSON.parse(JSON.stringify({ application: submission.application, itemKey: submission.itemKey }));
      const replay = await submit(system, client.apiKey, reordered, key);
      expect(replay.status).to.equal(201);
      expect(replay.body).to.deep.equal(first.body);
      const rows = await system.db('platform_submission').where({ receipt_number: first.body.receiptNumber });
      expect(rows).to.have.length(1);
      const record = await registered(first.body.receiptNumber);
      expect(await new CaseDriver(system.admin, entry.key, record.businessKey).instances()).to.have.length.greaterThan(0);
      const roots = await system.admin.get<unknown[]>(`/history/process-instance?processDefinitionKey=${entry.key}&processInstanceBusinessKey=${record.businessKey}`);
      expect(roots).to.have.length(1);
    });

    it('should NOT accept the same key with another body', async () => {
      const entry = hygiene();
      const key = randomUUID();
      const application = sampleApplication(entry, { creditCode: uniqueCreditCode() });
      expect((await submit(system, client.apiKey, { itemKey: entry.key, application }, key)).status).to.equal(201);
      const before = await stored();
      const other = await submit(system, client.apiKey, { itemKey: entry.key, application: { ...application, delivery: { method: '邮寄', address: '呼和浩特市新城区新华大街 1 号' } } }, key);
      expect(other.status).to.equal(422);
      expectDocumented(APPLICATIONS, other);
      expect(other.body.error).to.equal('idempotency-key-reused');
      expect(other.body.problems[0]).to.include({ field: 'Idempotency-Key', rule: 'reused' });
      expect(await stored()).to.deep.equal(before);
    });

    it('should refuse a submission without Idempotency-Key', async () => {
      const answer = await call(system, APPLICATIONS, { key: client.apiKey, json: { itemKey: 'food-business-licence', application: {} } });
      expect(answer.status).to.equal(400);
      expect(answer.body.problems[0]).to.include({ field: 'Idempotency-Key', rule: 'required' });
    });

    it('should refuse a missing, wrong or revoked API key with 401', async () => {
      const body = { itemKey: 'food-business-licence', application: {} };
      for (const key of [undefined, 'spk_nobody.abcdefghijklmnopqrstuvwxyz', `${client.apiKey}x`, 'not-a-key']) {
        const answer = await call(system, APPLICATIONS, { key, idempotencyKey: randomUUID(), json: body });
        expect(answer.status, String(key)).to.equal(401);
        expectDocumented(APPLICATIONS, answer);
        expect(answer.headers.get('www-authenticate')).to.contain('Bearer');
      }
      const revoked = await createPlatformClient(system);
      expect((await fetch(`${webBase(system)}/api/platform-clients/${revoked.id}`, { method: 'DELETE', headers: { authorization: basic('operator1'), 'x-requested-with': 'test' } })).status).to.equal(204);
      expect((await call(system, APPLICATIONS, { key: revoked.apiKey, idempotencyKey: randomUUID(), json: body })).status).to.equal(401);
      // X-Api-Key works like Bearer
      expect((await call(system, '/api/v1/items', { method: 'GET', headers: { 'x-api-key': client.apiKey } })).status).to.equal(200);
      // a clerk's login is no platform key, and a clerk cannot create one
      expect((await call(system, '/api/v1/items', { method: 'GET', headers: { authorization: basic('window1') } })).status).to.equal(401);
      expect((await fetch(`${webBase(system)}/api/platform-clients`, { method: 'POST', headers: { authorization: basic('window1'), 'content-type': 'application/json' }, body: '{"name":"x平台"}' })).status).to.equal(403);
    });

    it('should limit a client to its rate with 429, Retry-After and a Chinese message', async () => {
      const slow = await createPlatformClient(system, { ratePerMinute: 1, rateBurst: 2 });
      const answers: Answer[] = [];
      for (let i = 0; i < 3; i += 1) answers.push(await call(system, APPLICATIONS, { key: slow.apiKey, idempotencyKey: randomUUID(), json: { itemKey: 'x' } }));
      expect(answers.map((answer) => answer.status)).to.deep.equal([422, 422, 429]);
      expectDocumented(APPLICATIONS, answers[2]!);
      expect(Number(answers[2]!.headers.get('retry-after'))).to.be.within(1, 60);
      expect(answers[2]!.body.message).to.contain('请求过于频繁');
      // other clients are not held back
      expect((await call(system, '/api/v1/items', { method: 'GET', key: client.apiKey })).status).to.equal(200);
    });

    it('should store attachments with the case and link them to their material', async () => {
      const entry = hygiene();
      const application = sampleApplication(entry, { creditCode: uniqueCreditCode() });
      const material = (application.materials as Array<{ code: string }>)[0]!.code;
      const form = new FormData();
      form.append('submission', JSON.stringify({ itemKey: entry.key, application }));
      form.append(material, new Blob([PDF], { type: 'application/pdf' }), '申请书.pdf');
      const answer = await call(system, APPLICATIONS, { key: client.apiKey, idempotencyKey: randomUUID(), body: form });
      expect(answer.status, answer.text).to.equal(201);
      expectDocumented(APPLICATIONS, answer);
      expect(answer.body.attachments).to.deep.equal([{ material, filename: '申请书.pdf', fileType: 'pdf', sizeBytes: PDF.length, sha256: answer.body.attachments[0].sha256 }]);
      const record = await registered(answer.body.receiptNumber);
      const rows = await system.db('platform_attachment').join('platform_submission', 'platform_submission.id', 'platform_attachment.submission_id')
        .where('platform_submission.business_key', record.businessKey).select('material_code', 'content');
      expect(rows).to.have.length(1);
      expect(rows[0].material_code).to.equal(material);
      expect(Buffer.compare(rows[0].content, PDF)).to.equal(0);
      const sent = await new CaseDriver(system.admin, entry.key, record.businessKey).variable<{ materials: Array<{ code: string; attachment?: string }> }>('application');
      expect(sent.materials.find((m) => m.code === material)!.attachment).to.match(/^platform-attachment:\d+$/);
    });

    it('should NOT accept a file too big or of the wrong type, naming each part, and store nothing', async () => {
      const entry = hygiene();
      const application = sampleApplication(entry);
      const [first, second] = (application.materials as Array<{ code: string }>).map((m) => m.code);
      const before = await stored();
      const form = new FormData();
      form.append('submission', JSON.stringify({ itemKey: entry.key, application }));
      form.append(first!, new Blob([Buffer.from('MZ\x90\x00 this is an executable')]), 'virus.pdf');
      form.append(second ?? first!, new Blob([Buffer.from('GIF89a......')]), 'photo.png');
      const wrongType = await call(system, APPLICATIONS, { key: client.apiKey, idempotencyKey: randomUUID(), body: form });
      expect(wrongType.status, wrongType.text).to.equal(415);
      expectDocumented(APPLICATIONS, wrongType);
      expect(wrongType.body.problems.map((p: { field: string }) => p.field)).to.have.members([`${first} (virus.pdf)`, `${second ?? first} (photo.png)`]);
      const big = new FormData();
      big.append('submission', JSON.stringify({ itemKey: entry.key, application }));
      big.append(first!, new Blob([PDF, Buffer.alloc(system.config.platformApi.maxAttachmentBytes)]), 'huge.pdf');
      const tooBig = await call(system, APPLICATIONS, { key: client.apiKey, idempotencyKey: randomUUID(), body: big });
      expect(tooBig.status).to.equal(413);
      expectDocumented(APPLICATIONS, tooBig);
      expect(tooBig.body.problems[0]).to.include({ field: `${first} (huge.pdf)`, rule: 'maxBytes' });
      expect(tooBig.body.problems[0].message).to.contain('超过');
      expect(await stored()).to.deep.equal(before);
    });

    it('should answer a file part without its closing boundary with 400, store nothing and stay up', async () => {
      const entry = hygiene();
      const application = sampleApplication(entry);
      const [first] = (application.materials as Array<{ code: string }>).map((m) => m.code);
      const before = await stored();
      const boundary = 'shenpi-truncated';
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="submission"\r\n\r\n${JSON.stringify({ itemKey: entry.key, application })}\r\n`),
        Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${first}"; filename="cut.pdf"\r\ncontent-type: application/pdf\r\n\r\n`),
        PDF,
      ]);
      const truncated = await call(system, APPLICATIONS, { key: client.apiKey, idempotencyKey: randomUUID(), body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
      expect(truncated.status, truncated.text).to.equal(400);
      expectDocumented(APPLICATIONS, truncated);
      expect(truncated.body.problems.map((p: { rule: string }) => p.rule)).to.include('multipart');
      expect(await stored()).to.deep.equal(before);
      const health = await fetch(`${webBase(system)}/health`);
      expect(health.status).to.equal(200);
    });

    it('should refuse an item not in the catalogue, listing the application problems too', async () => {
      const answer = await submit(system, client.apiKey, { itemKey: 'no-such-item', application: { applicant: { category: '自然人' }, materials: [], delivery: { method: '窗口领取' } } });
      expect(answer.status).to.equal(422);
      expectDocumented(APPLICATIONS, answer);
      expect(answer.body.error).to.equal('invalid-application');
      const fields = answer.body.problems.map((p: { field: string; rule: string }) => `${p.field} ${p.rule}`);
      expect(fields).to.include('/itemKey catalogue');
      expect(fields).to.include.members(['/application/applicant/name required', '/application/applicant/idCardNumber required']);
      expect(answer.body.problems[0].message).to.contain('清单之外无审批');
    });

    it('should name bad check digits of 统一社会信用代码 and 身份证号码', async () => {
      const entry = food();
      const application = sampleApplication(entry, { creditCode: '91330100799655058C' });
      (application.applicant as { legalRepresentative: { idCardNumber: string } }).legalRepresentative.idCardNumber = '110105194912310021';
      const answer = await submit(system, client.apiKey, { itemKey: entry.key, application });
      expect(answer.status).to.equal(422);
      const rules = answer.body.problems.map((p: { field: string; rule: string }) => `${p.field} ${p.rule}`);
      expect(rules).to.include.members(['/application/applicant/creditCode format:uscc:check-digit', '/application/applicant/legalRepresentative/idCardNumber format:cn-id-card:check-digit']);
    });

    it('should accept a 一件事 with one receipt number for the bundle', async () => {
      const bundle = readBundle('road-excavation');
      const answer = await submit(system, client.apiKey, { bundleKey: bundle.key, application: bundleApplication(bundle, ['road-occupation-excavation-permit'], uniqueCreditCode()) });
      expect(answer.status, answer.text).to.equal(201);
      expectDocumented(APPLICATIONS, answer);
      expect(answer.body).to.include({ kind: 'bundle', catalogueKey: bundle.key });
      expect(answer.body.items).to.deep.equal(['road-occupation-excavation-permit']);
      expect(await registered(answer.body.receiptNumber)).to.include({ itemKey: bundle.key });
    });
  });

  describe('POST /api/v1/cases/:receiptNumber/progress (办件查询)', () => {
    let receiptNumber: string;
    let creditCode: string;
    let driver: CaseDriver;

    before(async () => {
      // 容缺: only a deferrable material missing; the window accepts on the signed promise
      const entry = food();
      creditCode = uniqueCreditCode();
      const answer = await submit(system, client.apiKey, { itemKey: entry.key, application: sampleApplication(entry, { creditCode, omitMaterials: ['equipment-list'] }) });
      expect(answer.status, answer.text).to.equal(201);
      expect(answer.body.acceptancePath).to.equal('deferral');
      receiptNumber = answer.body.receiptNumber;
      const record = await registered(receiptNumber);
      driver = new CaseDriver(system.admin, entry.key, record.businessKey);
      await driver.complete('OfferPromiseTask', MEMBER.window!, { acceptanceDecision: 'accept-promise' });
      await driver.task('AwaitSupplementTask');
    });

    const query = (receipt: string, proof: unknown, key = client.apiKey) => call(system, `/api/v1/cases/${receipt}/progress`, { key, json: proof });

    it('should show the applicant the status, current step, deadline and the 容缺 materials due, by applicant code', async () => {
      const answer = await query(receiptNumber, { applicantCode: creditCode.toLowerCase() });
      expect(answer.status, answer.text).to.equal(200);
      expectDocumented(PROGRESS, answer);
      expect(answer.body).to.include({ receiptNumber, status: '已受理', itemName: '食品经营许可' });
      expect(answer.body.timeline.map((event: { status: string }) => event.status)).to.deep.equal(['已收件', '已受理']);
      expect(answer.body.currentSteps).to.include.members(['审查', '接收容缺补正材料']);
      expect(answer.body.deadline.decisionDeadline).to.match(/^\d{4}-\d{2}-\d{2}$/);
      expect(answer.body.deadline.remainingWorkingDays).to.be.a('number');
      const action = answer.body.applicantActions.find((a: { kind: string }) => a.kind === 'deferred-materials');
      expect(action.materials.map((m: { code: string }) => m.code)).to.deep.equal(['equipment-list']);
      expect(action.deadline).to.equal(await driver.variable('promiseDeadline'));
    });

    it('should answer by phone too, and NOT show staff names or ID numbers', async () => {
      const answer = await query(receiptNumber, { phone: '139 0471 0000' });
      expect(answer.status).to.equal(200);
      expectDocumented(PROGRESS, answer);
      for (const name of STAFF) expect(answer.text).to.not.contain(`"${name}"`);
      expect(answer.text).to.not.contain(VALID_ID_CARD);
      expect(answer.text).to.not.contain('assignee');
    });

    it('should answer a wrong code or phone exactly like an unknown receipt number', async () => {
      const unknown = await query('SP20261122999999', { applicantCode: creditCode });
      const wrongCode = await query(receiptNumber, { applicantCode: '91330100799655058B' });
      const wrongPhone = await query(receiptNumber, { phone: '13900000000' });
      for (const answer of [unknown, wrongCode, wrongPhone]) {
        expect(answer.status).to.equal(404);
        expectDocumented(PROGRESS, answer);
        expect(answer.body).to.deep.equal(unknown.body);
      }
    });

    it('should limit failed queries of a receipt number, known or not', async () => {
      const other = await createPlatformClient(system);
      const statuses: number[] = [];
      for (let i = 0; i <= system.config.platformApi.queryFailuresPerHour; i += 1) statuses.push((await query(receiptNumber, { phone: `1390000${String(i).padStart(4, '0')}` }, other.apiKey)).status);
      expect(statuses.at(-1)).to.equal(429);
      expect(statuses.slice(0, -1).every((status) => status === 404)).to.equal(true);
      // even the right proof waits now: the limit says nothing about which guess was right
      expect((await query(receiptNumber, { applicantCode: creditCode }, other.apiKey)).status).to.equal(429);
    });

    it('should refuse a query without exactly one of applicantCode and phone', async () => {
      const answer = await query(receiptNumber, { applicantCode: creditCode, phone: '13904710000', extra: 1 });
      expect(answer.status).to.equal(422);
      expectDocumented(PROGRESS, answer);
      expect(answer.body.problems.map((p: { rule: string }) => p.rule)).to.have.members(['additionalProperties', 'oneOf']);
    });
  });
});
