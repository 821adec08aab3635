import type { Knex } from 'knex';

// 办件: one row per case, found by its receipt number (受理编号) or business key.
export async function up(knex: Knex): Promise<void> {
  await knex.raw('create sequence receipt_number_seq');
  await knex.schema.createTable('case_record', (table) => {
    table.bigIncrements('id');
    table.text('receipt_number').notNullable().unique();
    table.text('business_key').notNullable().unique();
    table.text('process_instance_id').notNullable();
    table.text('item_key').notNullable();
    table.integer('item_version').notNullable();
    table.text('item_name').notNullable();
    table.text('applicant_name').notNullable();
    table.text('applicant_category').notNullable();
    table.text('applicant_code');
    table.text('status').notNullable();
    table.date('received_on').notNullable();
    table.date('accepted_on');
    table.date('decision_deadline');
    table.boolean('deadline_extended').notNullable().defaultTo(false);
    table.text('outcome');
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.index(['item_key']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('case_record');
  await knex.raw('drop sequence receipt_number_seq');
}
