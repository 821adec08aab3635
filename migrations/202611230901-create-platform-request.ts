import type { Knex } from 'knex';

// The idempotency ledger of the platform API: one row per client and Idempotency-Key, with a
// hash of the request and the answer to replay. The unique key makes a concurrent duplicate
// wait for the first request's transaction, then replay its answer.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('platform_request', (table) => {
    table.bigIncrements('id');
    table.text('client_id').notNullable().references('id').inTable('platform_client');
    table.text('idempotency_key').notNullable();
    table.text('operation').notNullable();
    table.text('request_hash').notNullable();
    table.integer('response_status');
    table.jsonb('response');
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.unique(['client_id', 'idempotency_key']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('platform_request');
}
