import type { Knex } from 'knex';

// A message the receiving platform refused (not a failure: retrying unchanged cannot help) waits
// for a fix, with the platform's reason kept.
export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table outbox_message drop constraint outbox_message_status');
  await knex.raw("alter table outbox_message add constraint outbox_message_status check (status in ('pending', 'delivered', 'rejected'))");
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw("update outbox_message set status = 'pending' where status = 'rejected'");
  await knex.raw('alter table outbox_message drop constraint outbox_message_status');
  await knex.raw("alter table outbox_message add constraint outbox_message_status check (status in ('pending', 'delivered'))");
}
