// The 网上平台's notification callback: a client registers a URL (checked, 400 naming the field);
// each notice of a case it submitted (受理, 决定, 出件 …) is POSTed there once, with an
// Idempotency-Key, also when the platform was down at first, signed with the secret shown once
// at registration (a tampered body fails the check); no personal ID number, no phone; a case
// from the window, or another client's, is not sent; a rotated secret signs from then on.
import { expect } from 'chai';
import { findCaseByReceipt } from '../../../lib/repositories/cases.js';
import { sampleApplication, uniqueCreditCode, VALID_ID_CARD } from '../../support/applications.js';
import { publishTest2027, withdrawTest2027 } from '../../support/calendar.js';
import { CaseDriver, DECIDER, MEMBER } from '../../support/cases.js';
import { waitFor } from '../../support/process.js';
import { createPlatformClient, OpenApiValidator, submit, type TestClient } from '../../support/platform.js';
import { startFakeReceiver, type FakeReceiver } from '../../support/receiver.js';
import { useSystem } from '../../support/system.js';
import { basic, webBase } from '../../support/web.js';
import { verifySignature, type CallbackNotice } from '../../../lib/notices/index.js';
import type { Received } from '../../support/receiver.js';
import type { System } from '../../../bin/system.js';
import { readEntry } from '../items/scenarios.js';

const food = readEntry('food-business-licence');

const send = async (method: string, path: string, json: unknown): Promise<Response> => {
  const system = await useSystem();
  return fetch(`${webBase(system)}${path}`, { method, headers: { authorization: basic('operator1'), 'content-type': 'application/json' }, body: JSON.stringify(json) });
};

async function problemFields(answer: Response): Promise<string[]> {
  expect(answer.status).to.equal(400);
  return ((await answer.json()) as { problems: Array<{ field: string; rule: string }> }).problems.map((p) => `${p.field}:${p.rule}`);
}

describe('the platform\'s notification callback (lib/notices/callback.ts)', function () {
  this.timeout(240_000);
  let system: System;
  let platform: FakeReceiver<CallbackNotice>;
  let client: TestClient;
  let secret: string;
  const check = (message: Received<CallbackNotice>, withSecret: string, body = message.raw) =>
    verifySignature(withSecret, body, { timestamp: message.headers['x-shenpi-timestamp'] as string, signature: message.headers['x-shenpi-signature'] as string });

  before(async () => {
    system = await useSystem();
    await publishTest2027(system);
    platform = await startFakeReceiver<CallbackNotice>('/notices');
  });
  after(async () => {
    await platform.close();
    await withdrawTest2027(system);
  });

  it('should NOT register a callback that is not an http(s) URL, naming the field', async () => {
    expect(await problemFields(await send('POST', '/api/platform-clients', { name: '测试平台', callbackUrl: 'ftp://example.org/notices' }))).to.deep.equal(['callbackUrl:protocol']);
    expect(await problemFields(await send('POST', '/api/platform-clients', { name: '测试平台', callbackUrl: 'notices' }))).to.deep.equal(['callbackUrl:url']);
    const plain = await createPlatformClient(system);
    expect(await problemFields(await send('PUT', `/api/platform-clients/${plain.id}/callback`, { callbackUrl: 'https://user:secret@example.org/' }))).to.deep.equal(['callbackUrl:credentials']);
    expect(await problemFields(await send('PUT', `/api/platform-clients/${plain.id}/callback`, { callbackUrl: 42 }))).to.deep.equal(['callbackUrl:required']);
    expect((await send('PUT', '/api/platform-clients/no-such-client/callback', { callbackUrl: 'https://example.org/' })).status).to.equal(404);
  });

  it('should POST each notice of a case the client submitted once, also after the platform was down', async () => {
    await platform.down();
    client = await createPlatformClient(system);
    const registered = await send('PUT', `/api/platform-clients/${client.id}/callback`, { callbackUrl: platform.url });
    expect(registered.status).to.equal(200);
    const registration = (await registered.json()) as { callbackSecret: string };
    expect(registration).to.include({ id: client.id, callbackUrl: platform.url });
    expect(registration.callbackSecret).to.match(/^spwh_/);
    secret = registration.callbackSecret;
    // shown once: the list and a corrected URL do not show it again
    const listed = await (await send('GET', '/api/platform-clients', undefined)).text();
    expect(listed).to.contain(client.id).and.not.to.contain(secret).and.not.to.contain('callbackSecret');
    const corrected = (await (await send('PUT', `/api/platform-clients/${client.id}/callback`, { callbackUrl: platform.url })).json()) as object;
    expect(corrected).not.to.have.property('callbackSecret');

    const answer = await submit(system, client.apiKey, { itemKey: food.key, application: sampleApplication(food, { creditCode: uniqueCreditCode() }) });
    expect(answer.status, answer.text).to.equal(201);
    const receipt = answer.body.receiptNumber as string;
    const record = await waitFor('the case registered', async () => findCaseByReceipt(system.db, receipt));
    const driver = new CaseDriver(system.admin, food.key, record.businessKey);
    await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });

    // down: the 受理 notice waits in the outbox and is tried again
    const queued = () => system.db('outbox_message').where({ channel: 'platform-callback' }).whereRaw("payload->'notice'->>'receiptNumber' = ?", [receipt]);
    await waitFor('a failed attempt', async () => ((await queued().clone().first('attempts', 'status'))?.attempts > 0 ? true : undefined));
    expect(await queued().clone().first('status')).to.include({ status: 'pending' });
    await platform.up();
    const ofCase = () => [...platform.messages.values()].filter((message) => message.body.receiptNumber === receipt);
    const [acceptance] = await waitFor('the 受理 notice at the platform', async () => (ofCase().length ? ofCase() : undefined), 30_000);
    expect(acceptance!.deliveries).to.equal(1);
    expect(acceptance!.body).to.include({ event: 'acceptance', eventName: '受理通知书', receiptNumber: receipt, itemName: food.name });
    expect(acceptance!.body.documentNumber).to.match(/^审批受字〔2026〕第\d{6}号$/);
    expect(acceptance!.body.text).to.contain(receipt);

    await driver.complete('ReviewTask', MEMBER.marketReview!, { reviewOpinion: '符合条件', reviewAction: 'submit' });
    await driver.complete('SiteInspectionTask', MEMBER.marketReview!, { siteInspectionResult: '合格', siteInspectionOpinion: '一致' });
    await driver.complete('DecisionTask', DECIDER.marketReview!, { decision: 'grant', decisionContent: '热食类食品制售' });
    await driver.complete('HandOverTask', MEMBER.window!, { receivedBy: '张建国' });
    const events = await waitFor('决定 and 出件 at the platform', async () => {
      const found = ofCase().map((message) => message.body.event);
      return found.includes('grant') && found.includes('delivery-receipt') ? ofCase() : undefined;
    }, 30_000);
    expect(events.map((message) => message.body.event)).to.have.members(['acceptance', 'grant', 'delivery-receipt']);
    const openApi = await OpenApiValidator.load(system);
    for (const message of events) {
      expect(message.deliveries, message.body.event).to.equal(1);
      // the body the OpenAPI document promises (webhooks.applicantNotice)
      expect(openApi.checkSchema('Notice', message.body)).to.equal(undefined);
      // signed: the receiver checks the raw body with the secret it was given; a tampered one fails
      expect(check(message, secret), message.body.event).to.deep.equal({ valid: true });
      expect(check(message, secret, message.raw.replace(receipt, 'SP20260101000001')).valid).to.equal(false);
    }
    // the platform may fetch the 文书 with the applicant's proof; the notice itself names no ID number nor phone
    const sent = JSON.stringify(events.map((message) => message.body));
    expect(sent).not.to.contain(VALID_ID_CARD).and.not.to.contain(record.applicantCode!).and.not.to.contain('13904710000');
    expect(await queued().clone().where({ status: 'delivered' }).count({ n: '*' }).first()).to.include({ n: '3' });
  });

  it('should sign with a rotated secret from then on, the old one no longer valid', async () => {
    const rotated = await send('POST', `/api/platform-clients/${client.id}/callback/secret`, undefined);
    expect(rotated.status).to.equal(200);
    const { callbackSecret } = (await rotated.json()) as { callbackSecret: string };
    expect(callbackSecret).to.match(/^spwh_/).and.not.to.equal(secret);
    const answer = await submit(system, client.apiKey, { itemKey: food.key, application: sampleApplication(food, { creditCode: uniqueCreditCode() }) });
    const record = await waitFor('the case registered', async () => findCaseByReceipt(system.db, answer.body.receiptNumber as string));
    const online = new CaseDriver(system.admin, food.key, record.businessKey);
    await online.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
    const acceptance = await waitFor('the 受理 notice at the platform', async () => [...platform.messages.values()].find((message) => message.body.receiptNumber === record.receiptNumber), 30_000);
    expect(check(acceptance, callbackSecret)).to.deep.equal({ valid: true });
    expect(check(acceptance, secret)).to.deep.equal({ valid: false, reason: 'mismatch' });
    await online.cancel();
    const plain = await createPlatformClient(system);
    expect((await send('POST', `/api/platform-clients/${plain.id}/callback/secret`, undefined)).status).to.equal(404);
  });

  it('should NOT send the notices of a case received at the window, nor after the callback is removed', async () => {
    const driver = await new CaseDriver(system.admin, food.key).start({ application: sampleApplication(food, { creditCode: uniqueCreditCode() }), receivedOn: '2026-09-30', clockDate: '2026-09-30' });
    await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
    await driver.task('ReviewTask');
    const receipt = await driver.variable<string>('receiptNumber');
    await waitFor('the 受理 SMS queued', async () => ((await system.db('outbox_message').where({ channel: 'sms' }).whereRaw("payload->>'receiptNumber' = ?", [receipt]).first('id')) ? true : undefined));
    expect(await system.db('outbox_message').where({ channel: 'platform-callback' }).whereRaw("payload->'notice'->>'receiptNumber' = ?", [receipt])).to.deep.equal([]);
    await driver.cancel();

    expect((await send('PUT', `/api/platform-clients/${client.id}/callback`, { callbackUrl: null })).status).to.equal(200);
    const answer = await submit(system, client.apiKey, { itemKey: food.key, application: sampleApplication(food, { creditCode: uniqueCreditCode() }) });
    const record = await waitFor('the case registered', async () => findCaseByReceipt(system.db, answer.body.receiptNumber as string));
    const online = new CaseDriver(system.admin, food.key, record.businessKey);
    await online.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
    await online.task('ReviewTask');
    await waitFor('the 受理 SMS queued', async () => ((await system.db('outbox_message').where({ channel: 'sms' }).whereRaw("payload->>'receiptNumber' = ?", [record.receiptNumber]).first('id')) ? true : undefined));
    expect(await system.db('outbox_message').where({ channel: 'platform-callback' }).whereRaw("payload->'notice'->>'receiptNumber' = ?", [record.receiptNumber])).to.deep.equal([]);
    await online.cancel();
  });
});
