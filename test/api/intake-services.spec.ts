// 好差评 and 政务失信投诉 over the platform API: an applicant rates an ended case (a bad rating
// starts its process), a retry returns the first answer, a case still running cannot be rated,
// a mistaken bad rating is appealed; the 12345 platform hands over a complaint once per ticket.
// Answers are checked against the served OpenAPI document.
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import type { System } from '../../bin/system.js';
import { findRatingByReceipt } from '../../lib/repositories/ratings.js';
import { VALID_CREDIT_CODE } from '../support/applications.js';
import { call, createPlatformClient, OpenApiValidator, type TestClient } from '../support/platform.js';
import { waitFor } from '../support/process.js';
import { useSystem } from '../support/system.js';
import { endedCase } from '../processes/services/support.js';
import { ratingBusinessKey } from '../../lib/cases/identity.js';

describe('platform API: 好差评 and 政务失信投诉', function () {
  this.timeout(120_000);
  let system: System;
  let client: TestClient;
  let openapi: OpenApiValidator;
  const rate = (receipt: string, json: unknown, idempotencyKey: string = randomUUID()) => call(system, `/api/v1/cases/${receipt}/ratings`, { key: client.apiKey, idempotencyKey, json });

  before(async () => {
    system = await useSystem();
    client = await createPlatformClient(system);
    openapi = await OpenApiValidator.load(system);
  });

  it('should take a bad rating once, start its process, and replay a retry', async () => {
    const { receiptNumber, businessKey } = await endedCase(system.db);
    const key = randomUUID();
    const first = await rate(receiptNumber, { level: 1, comment: '窗口让我跑了三趟', named: true, applicantCode: VALID_CREDIT_CODE }, key);
    expect(first.status, first.text).to.equal(201);
    expect(openapi.check('/api/v1/cases/{receiptNumber}/ratings', 'post', 201, first.body)).to.equal(undefined);
    expect(first.body).to.include({ level: 1, badRating: true, replayed: false });
    const again = await rate(receiptNumber, { level: 1, comment: '窗口让我跑了三趟', named: true, applicantCode: VALID_CREDIT_CODE }, key);
    expect(again.status).to.equal(201);
    expect(again.headers.get('idempotent-replayed')).to.equal('true');
    expect(again.body).to.deep.equal(first.body);
    // a second rating of the same case, with another key, is the first one
    const other = await rate(receiptNumber, { level: 5, named: false, applicantCode: VALID_CREDIT_CODE });
    expect(other.status).to.equal(200);
    expect(other.body).to.include({ ratingId: first.body.ratingId, level: 1, replayed: true });
    const instances = await system.admin.get<Array<{ id: string }>>(`/process-instance?processDefinitionKey=service-rating&businessKey=${encodeURIComponent(ratingBusinessKey(receiptNumber))}`);
    expect(instances).to.have.length(1);
    expect(businessKey).to.be.a('string');
  });

  it('should refuse bad input with every problem, and a case that has not ended', async () => {
    const { receiptNumber } = await endedCase(system.db);
    const bad = await rate(receiptNumber, { level: 9, named: 'yes', extra: 1, applicantCode: VALID_CREDIT_CODE });
    expect(bad.status).to.equal(400);
    expect(openapi.check('/api/v1/cases/{receiptNumber}/ratings', 'post', 400, bad.body)).to.equal(undefined);
    const badLevel = await rate(receiptNumber, { level: 9, named: 'yes', applicantCode: VALID_CREDIT_CODE });
    expect(badLevel.status).to.equal(400);
    expect(badLevel.body.problems.map((p: { field: string }) => p.field).join(' ')).to.match(/level/).and.to.match(/named/);
    const running = await endedCase(system.db, { outcome: null });
    const early = await rate(running.receiptNumber, { level: 4, named: false, applicantCode: VALID_CREDIT_CODE });
    expect(early.status).to.equal(409);
    expect(early.text).to.match(/办结/);
    const unknown = await rate('SP20260101999999', { level: 4, named: false, applicantCode: VALID_CREDIT_CODE });
    expect(unknown.status).to.equal(404);
    expect((await call(system, `/api/v1/cases/${receiptNumber}/ratings`, { idempotencyKey: randomUUID(), json: { level: 4, named: false, applicantCode: VALID_CREDIT_CODE } })).status).to.equal(401);
    expect((await call(system, `/api/v1/cases/${receiptNumber}/ratings`, { key: client.apiKey, json: { level: 4, named: false, applicantCode: VALID_CREDIT_CODE } })).status).to.equal(400); // no Idempotency-Key
  });

  it('should NOT take a rating without the applicant\'s proof, nor with another applicant\'s code', async () => {
    const { receiptNumber } = await endedCase(system.db);
    const none = await rate(receiptNumber, { level: 1, comment: '冒名差评', named: false });
    expect(none.status).to.equal(422);
    expect(none.body.problems[0]).to.include({ field: '/applicantCode', rule: 'oneOf' });
    const other = await rate(receiptNumber, { level: 1, comment: '冒名差评', named: false, applicantCode: '11010519491231002X' });
    expect(other.status).to.equal(404);
    expect(await findRatingByReceipt(system.db, receiptNumber)).to.equal(undefined);
  });

  it('should take an appeal against a bad rating before it is verified', async () => {
    const { receiptNumber } = await endedCase(system.db);
    expect((await rate(receiptNumber, { level: 2, comment: '点错了', named: false, applicantCode: VALID_CREDIT_CODE })).status).to.equal(201);
    await waitFor('the bad rating to reach verification', async () => (await system.admin.get<unknown[]>(`/task?processInstanceBusinessKey=${encodeURIComponent(ratingBusinessKey(receiptNumber))}&taskDefinitionKey=VerifyRatingTask`))[0]);
    const appeal = await call(system, `/api/v1/cases/${receiptNumber}/ratings/appeal`, { key: client.apiKey, idempotencyKey: randomUUID(), json: { reason: '评价时误点了不满意' } });
    expect(appeal.status, appeal.text).to.equal(202);
    expect(openapi.check('/api/v1/cases/{receiptNumber}/ratings/appeal', 'post', 202, appeal.body)).to.equal(undefined);
  });

  it('should register a complaint from 12345 once per ticket', async () => {
    const ticket = `12345-${randomUUID().slice(0, 8)}`;
    const complaint = {
      externalId: ticket,
      complainant: { name: '王建军', phone: '13904710000' },
      respondent: { name: '某区招商引资服务中心', creditCode: '11150100MB1A00095A' },
      field: '招商引资', promise: '承诺落地后三个月内兑现奖励资金', facts: '已过一年仍未兑现, 多次催告无果',
    };
    const first = await call(system, '/api/v1/complaints', { key: client.apiKey, idempotencyKey: randomUUID(), json: complaint });
    expect(first.status, first.text).to.equal(201);
    expect(openapi.check('/api/v1/complaints', 'post', 201, first.body)).to.equal(undefined);
    const again = await call(system, '/api/v1/complaints', { key: client.apiKey, idempotencyKey: randomUUID(), json: complaint });
    expect(again.status).to.equal(200);
    expect(again.body).to.include({ complaintNumber: first.body.complaintNumber, replayed: true });
    const bad = await call(system, '/api/v1/complaints', { key: client.apiKey, idempotencyKey: randomUUID(), json: { ...complaint, externalId: undefined, complainant: { name: '王' }, field: '其他' } });
    expect(bad.status).to.equal(400);
    expect(bad.body.problems.length).to.be.greaterThan(1);
  });
});
