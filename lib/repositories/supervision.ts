// 电子监察: alerts and the notifications that carry them to the responsible group.
import type { Knex } from 'knex';

export interface NewAlert {
  businessKey: string;
  receiptNumber: string | null;
  level: 'yellow' | 'red';
  activityId: string;
  activityName: string;
  responsibleGroup: string;
  deadline: string;
  message: string;
  timerActivityInstanceId: string;
}

export interface AlertRecord extends NewAlert { id: number; createdAt: Date }

/** Who hears of every red card besides the responsible section. */
export const RED_CARD_ALSO_TO = 'leaders';

/** Writes the alert and its notification(s) together, once per firing timer. */
export async function raiseAlert(db: Knex, alert: NewAlert): Promise<boolean> {
  return db.transaction(async (trx) => {
    const inserted = await trx('supervision_alert').insert({
      business_key: alert.businessKey, receipt_number: alert.receiptNumber, level: alert.level, activity_id: alert.activityId,
      activity_name: alert.activityName, responsible_group: alert.responsibleGroup, deadline: alert.deadline, message: alert.message,
      timer_activity_instance_id: alert.timerActivityInstanceId,
    }).onConflict('timer_activity_instance_id').ignore().returning('id');
    if (inserted.length === 0) return false;
    const title = alert.level === 'yellow' ? '电子监察黄牌预警' : '电子监察红牌警告';
    await trx('notification').insert({
      recipient_kind: 'group', recipient: alert.responsibleGroup, business_key: alert.businessKey,
      title, body: alert.message, dedup_key: `alert:${alert.timerActivityInstanceId}`,
    });
    // a red card reaches the 局领导 too
    if (alert.level === 'red' && alert.responsibleGroup !== RED_CARD_ALSO_TO) {
      await trx('notification').insert({
        recipient_kind: 'group', recipient: RED_CARD_ALSO_TO, business_key: alert.businessKey,
        title, body: alert.message, dedup_key: `alert:${alert.timerActivityInstanceId}:${RED_CARD_ALSO_TO}`,
      });
    }
    return true;
  });
}

const ALERT_COLUMNS = (db: Knex) => [
    'id', { businessKey: 'business_key' }, { receiptNumber: 'receipt_number' }, 'level', { activityId: 'activity_id' }, { activityName: 'activity_name' },
    { responsibleGroup: 'responsible_group' }, db.raw(`to_char(deadline, 'YYYY-MM-DD') as deadline`), 'message',
    { timerActivityInstanceId: 'timer_activity_instance_id' }, { createdAt: 'created_at' },
];

export async function alertsFor(db: Knex, businessKey: string): Promise<AlertRecord[]> {
  return db('supervision_alert').where({ business_key: businessKey }).orderBy('id').select(...ALERT_COLUMNS(db));
}

/** The latest alerts of these groups, newest first. */
export async function alertsForGroups(db: Knex, groups: string[], limit = 200): Promise<AlertRecord[]> {
  return db('supervision_alert').whereIn('responsible_group', groups).orderBy('id', 'desc').limit(limit).select(...ALERT_COLUMNS(db));
}

export async function notifyApplicant(db: Knex, businessKey: string, title: string, body: string, dedupKey: string): Promise<void> {
  await db('notification').insert({ recipient_kind: 'applicant', recipient: businessKey, business_key: businessKey, title, body, dedup_key: dedupKey })
    .onConflict('dedup_key').ignore();
}

/** A notice to a group, once per `dedupKey`; `subject` stands where a case's business key would. Returns false when sent before. */
export async function notifyGroup(db: Knex, group: string, subject: string, title: string, body: string, dedupKey: string): Promise<boolean> {
  const inserted = await db('notification').insert({ recipient_kind: 'group', recipient: group, business_key: subject, title, body, dedup_key: dedupKey })
    .onConflict('dedup_key').ignore().returning('id');
  return inserted.length > 0;
}

export async function notificationsForGroups(db: Knex, groups: string[], limit = 200): Promise<Array<{ recipient: string; title: string; body: string; businessKey: string; createdAt: Date; readAt: Date | null }>> {
  return db('notification').where({ recipient_kind: 'group' }).whereIn('recipient', groups).orderBy('id', 'desc').limit(limit)
    .select('recipient', 'title', 'body', { businessKey: 'business_key' }, { createdAt: 'created_at' }, { readAt: 'read_at' });
}

export async function notificationsFor(db: Knex, recipientKind: 'group' | 'applicant', recipient: string): Promise<Array<{ title: string; body: string; businessKey: string; createdAt: Date }>> {
  return db('notification').where({ recipient_kind: recipientKind, recipient }).orderBy('id').select('title', 'body', { businessKey: 'business_key' }, { createdAt: 'created_at' });
}
