// 台账比对 finds each kind of mismatch that is injected between the engine's decisions, the
// ledger and the platform's acknowledgements, and repairs what can be repaired.
import { expect } from 'chai';
import { licenceForCase } from '../../../lib/repositories/licences.js';
import { publicationsOf } from '../../../lib/repositories/publication.js';
import type { Mismatch } from '../../../lib/publication/reconcile.js';
import { sampleApplication, uniqueCreditCode } from '../../support/applications.js';
import { CaseDriver, DECIDER, MEMBER } from '../../support/cases.js';
import { waitFor } from '../../support/process.js';
import { useSystem } from '../../support/system.js';
import { basic, webBase } from '../../support/web.js';
import { readEntry } from '../../processes/items/scenarios.js';

const item = readEntry('enterprise-establishment-registration');

async function grantedLicence(): Promise<string> {
  const system = await useSystem();
  const driver = await new CaseDriver(system.admin, item.key).start({ receivedOn: '2026-09-30', clockDate: '2026-09-30', application: sampleApplication(item, { creditCode: uniqueCreditCode() }) });
  await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
  await driver.complete('ReviewTask', MEMBER.marketReview!, { reviewOpinion: '符合条件', reviewAction: 'submit' });
  await driver.complete('DecisionTask', DECIDER.marketReview!, { decision: 'grant', decisionContent: '准予设立登记' });
  await driver.complete('HandOverTask', MEMBER.window!, { receivedBy: '张建国' });
  await driver.waitForEnd();
  const licence = (await licenceForCase(system.db, driver.businessKey))!.licenceNumber;
  await waitFor('the acknowledgement', async () => ((await publicationsOf(system.db, licence))[0]?.acknowledgedAt ? true : undefined));
  return licence;
}

describe('#reconcile (台账比对)', function () {
  this.timeout(120_000);

  it('should find a missing, an extra, a different and an unacknowledged record, and repair all but the extra one', async () => {
    const system = await useSystem();
    const [missing, different, unacknowledged] = [await grantedLicence(), await grantedLicence(), await grantedLicence()];
    // missing: the ledger lost the record (and its message)
    await system.db('publication_record').where({ licence_number: missing }).delete();
    await system.db('outbox_message').where({ channel: 'publication' }).whereLike('dedup_key', `${missing}#%`).delete();
    // extra: a record no decision stands behind
    const extra = 'FAKE2026999999';
    const [sample] = await publicationsOf(system.db, different);
    await system.db('publication_record').insert({ licence_number: extra, version: 1, business_key: 'no-such-case', item_key: item.key, action: '准予', record: JSON.stringify({ ...sample!.record, licenceNumber: extra }), decision_date: '2026-09-30', acknowledged_at: system.db.fn.now() });
    // different: the licence was cancelled (注销) without publishing it
    await system.db('licence').where({ licence_number: different }).update({ status: '注销' });
    // unacknowledged: the platform never confirmed (its message parked for later)
    await system.db('publication_record').where({ licence_number: unacknowledged }).update({ acknowledged_at: null });
    await system.db('outbox_message').where({ channel: 'publication', dedup_key: `${unacknowledged}#1` }).update({ status: 'pending', next_attempt_at: system.db.raw("now() + interval '1 day'") });

    const run = async (repair: boolean) => {
      const response = await fetch(`${webBase(system)}/api/publication/reconcile${repair ? '?repair=true' : ''}`, { method: 'POST', headers: { authorization: basic('operator1'), 'x-requested-with': 'test' } });
      expect(response.status).to.equal(200);
      const report = (await response.json()) as { mismatches: Mismatch[] };
      return report.mismatches.filter((m) => [missing, different, unacknowledged, extra].includes(m.licenceNumber));
    };
    const found = await run(false);
    expect(found.map((m) => [m.kind, m.licenceNumber, m.field ?? null]).sort()).to.deep.equal([
      ['different', different, 'status'],
      ['extra', extra, null],
      ['missing', missing, null],
      ['unacknowledged', unacknowledged, null],
    ].sort());
    expect(found.find((m) => m.kind === 'different')).to.include({ expected: '注销', actual: '有效' });
    // decided 9-30, unacknowledged past 10-15 (7 working days): a red card for the operators
    expect(found.find((m) => m.kind === 'unacknowledged')!.detail).to.contain('已超过法定公示期限 2026-10-15');
    const [alert] = await system.db('supervision_alert').where({ timer_activity_instance_id: `publication:${unacknowledged}#1` }).select('level', 'responsible_group');
    expect(alert).to.deep.equal({ level: 'red', responsible_group: 'operators' });

    const repaired = await run(true);
    expect(repaired.filter((m) => m.kind !== 'extra' && !m.repaired), 'mismatches left unrepaired').to.deep.equal([]);
    // what was republished reaches the platform; then only the extra record remains
    await waitFor('zero repairable mismatches', async () => {
      const left = await run(false);
      return left.length === 1 && left[0]!.kind === 'extra' ? true : undefined;
    });
    const versions = await publicationsOf(system.db, different);
    expect(versions.map((v) => [v.version, v.action, v.record.status])).to.deep.equal([[1, '准予', '有效'], [2, '注销', '注销']]);
    expect((await publicationsOf(system.db, missing))[0]!.record).to.include({ licenceNumber: missing, status: '有效' });
    expect((await fetch(`${webBase(system)}/api/publication/reconcile`, { method: 'POST', headers: { authorization: basic('window1'), 'x-requested-with': 'test' } })).status).to.equal(403);
  });
});
