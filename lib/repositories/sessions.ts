// The 工作台's login sessions (table web_session): one row per session, gone when it expires.
import type { Knex } from 'knex';

export async function readSession(db: Knex, sid: string): Promise<unknown> {
  const row = await db('web_session').where({ sid }).andWhere('expire', '>', db.fn.now()).first('sess');
  return row?.sess;
}

export async function writeSession(db: Knex, sid: string, sess: unknown, expire: Date): Promise<void> {
  await db('web_session').insert({ sid, sess: JSON.stringify(sess), expire }).onConflict('sid').merge();
}

export async function touchSession(db: Knex, sid: string, expire: Date): Promise<void> {
  await db('web_session').where({ sid }).update({ expire });
}

export async function deleteSession(db: Knex, sid: string): Promise<void> {
  await db('web_session').where({ sid }).delete();
}

export async function deleteExpiredSessions(db: Knex): Promise<number> {
  return db('web_session').where('expire', '<=', db.fn.now()).delete();
}
