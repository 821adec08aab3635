import type { Knex } from 'knex';

// An accepted online application (网上申请): the request that carried it and the case it started.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('platform_submission', (table) => {
    table.bigIncrements('id');
    table.bigInteger('request_id').notNullable().unique().references('id').inTable('platform_request').onDelete('CASCADE');
    table.text('kind').notNullable().checkIn(['item', 'bundle'], 'platform_submission_kind');
    table.text('catalogue_key').notNullable();
    table.text('business_key').notNullable().unique();
    table.text('receipt_number').notNullable().unique();
    table.text('process_instance_id');
    table.jsonb('application').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('platform_submission');
}
