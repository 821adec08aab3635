// Cases as the workers would have written them, their days set by the fixture: what the
// 电子监察 figures are read from (lib/monitoring's spec and the 工作台's browser spec).
import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { recordStatus, registerCase } from '../../../lib/repositories/cases.js';
import { insertRating } from '../../../lib/repositories/ratings.js';
import { readEntry } from '../../processes/items/scenarios.js';

export interface MonitoredFixture {
  itemKey: string; receivedOn: string; deadline?: string; decidedOn?: string; corrected?: boolean; publishedOn?: string; applicantName?: string;
  /** 好差评 level (1 … 5) given on the day of the decision */
  rating?: number;
}

export async function givenCase(db: Knex, fixture: MonitoredFixture): Promise<{ receiptNumber: string; businessKey: string }> {
  const entry = readEntry(fixture.itemKey);
  const businessKey = `monitoring-${randomUUID()}`;
  const record = await registerCase(db, {
    businessKey, processInstanceId: 'direct', itemKey: entry.key, itemVersion: 1, itemName: entry.name, applicantName: fixture.applicantName ?? '呼和浩特市监察测试有限公司',
    applicantCategory: '法人及非法人组织', applicantCode: null, receivedOn: fixture.receivedOn,
  }, 'RegisterCaseTask', `register-${businessKey}`);
  const status = async (name: string, on: string, fields?: Parameters<typeof recordStatus>[1]['fields']) => {
    await recordStatus(db, { businessKey, status: name, activityId: 'RecordStatusTask', activityInstanceId: `${name}-${businessKey}`, fields });
    await db('case_event').where({ activity_instance_id: `${name}-${businessKey}` }).update({ at: `${on}T10:00:00+08:00` });
  };
  if (fixture.corrected) await status('已告知补正', fixture.receivedOn);
  await status('已受理', fixture.receivedOn, { accepted_on: fixture.receivedOn, ...(fixture.deadline ? { decision_deadline: fixture.deadline } : {}) });
  if (fixture.decidedOn) await status('已决定', fixture.decidedOn, { outcome: '准予' });
  if (fixture.publishedOn) {
    await db('publication_record').insert({ licence_number: `JC-${businessKey}`, version: 1, business_key: businessKey, item_key: entry.key, action: '准予', record: {}, decision_date: fixture.decidedOn, published_at: `${fixture.publishedOn}T15:00:00+08:00` });
  }
  if (fixture.rating) {
    await insertRating(db, {
      receiptNumber: record.receiptNumber, caseBusinessKey: businessKey, itemKey: entry.key, itemName: entry.name, departmentGroup: entry.reviewGroup, level: fixture.rating,
      comment: fixture.rating <= 2 ? '等候时间过长' : null, named: false, channel: '窗口评价器', applicantCode: null, ratedOn: fixture.decidedOn!, status: fixture.rating <= 2 ? '差评待核实' : '已评价', businessKey: null,
    });
  }
  return { receiptNumber: record.receiptNumber, businessKey };
}

/** A year's worth of decided cases across sections and months, for pages worth looking at. */
export async function givenMonitoredCases(db: Knex, year: string): Promise<void> {
  const cases: MonitoredFixture[] = [
    { itemKey: 'food-business-licence', receivedOn: `${year}-03-02`, deadline: `${year}-03-05`, decidedOn: `${year}-03-04`, publishedOn: `${year}-03-04`, rating: 5 },
    { itemKey: 'food-business-licence', receivedOn: `${year}-04-08`, deadline: `${year}-04-13`, decidedOn: `${year}-04-14`, corrected: true, publishedOn: `${year}-04-15` },
    { itemKey: 'pharmacy-retail-licence', receivedOn: `${year}-05-11`, deadline: `${year}-05-20`, decidedOn: `${year}-05-15`, publishedOn: `${year}-05-15`, rating: 4 },
    { itemKey: 'individual-business-registration', receivedOn: `${year}-06-08`, decidedOn: `${year}-06-08`, rating: 5 },
    { itemKey: 'construction-permit', receivedOn: `${year}-06-15`, deadline: `${year}-06-16`, decidedOn: `${year}-06-16`, publishedOn: `${year}-06-16` },
    { itemKey: 'public-place-hygiene-licence', receivedOn: `${year}-07-06`, deadline: `${year}-07-09`, decidedOn: `${year}-07-08`, corrected: true, publishedOn: `${year}-07-08` },
    { itemKey: 'road-occupation-excavation-permit', receivedOn: `${year}-08-03`, deadline: `${year}-08-10`, decidedOn: `${year}-08-07`, publishedOn: `${year}-08-07`, rating: 3 },
    { itemKey: 'hotel-special-trade-licence', receivedOn: `${year}-09-07`, deadline: `${year}-09-14`, decidedOn: `${year}-09-16`, publishedOn: `${year}-09-17`, rating: 2 },
    { itemKey: 'seal-engraving-filing', receivedOn: `${year}-10-12`, decidedOn: `${year}-10-12` },
    { itemKey: 'water-supply-connection', receivedOn: `${year}-11-02`, deadline: `${year}-11-03`, decidedOn: `${year}-11-03` },
  ];
  for (const fixture of cases) await givenCase(db, fixture);
}
