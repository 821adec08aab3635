import type { Knex } from 'knex';

// Pushes that leave shenpi (credit platform, later publication and supervision): written in the
// same transaction as the record they carry, delivered with retries, never twice per key.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('outbox_message', (table) => {
    table.bigIncrements('id');
    table.text('channel').notNullable();
    table.text('dedup_key').notNullable();
    table.jsonb('payload').notNullable();
    table.text('status').notNullable().defaultTo('pending').checkIn(['pending', 'delivered'], 'outbox_message_status');
    table.integer('attempts').notNullable().defaultTo(0);
    table.timestamp('next_attempt_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.text('last_error');
    table.timestamp('delivered_at', { useTz: true });
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.unique(['channel', 'dedup_key']);
    table.index(['channel', 'status', 'next_attempt_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('outbox_message');
}
