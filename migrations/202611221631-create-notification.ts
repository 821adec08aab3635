import type { Knex } from 'knex';

// Messages for a group of staff (or an applicant), kept until read; channels read from here.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('notification', (table) => {
    table.bigIncrements('id');
    table.text('recipient_kind').notNullable().checkIn(['group', 'applicant'], 'notification_recipient_kind');
    table.text('recipient').notNullable();
    table.text('business_key').notNullable();
    table.text('title').notNullable();
    table.text('body').notNullable();
    table.text('dedup_key').notNullable().unique();
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.timestamp('read_at', { useTz: true });
    table.index(['recipient_kind', 'recipient']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('notification');
}
