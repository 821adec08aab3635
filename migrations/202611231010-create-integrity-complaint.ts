import type { Knex } from 'knex';

// 政务失信投诉: complaints that a government body broke a promise, taken at the 诚信建设投诉窗口
// or from the 12345 platform (its ticket number is unique: a replayed hand-over finds the first).
export async function up(knex: Knex): Promise<void> {
  await knex.raw('create sequence complaint_number_seq');
  await knex.schema.createTable('integrity_complaint', (table) => {
    table.bigIncrements('id');
    table.text('complaint_number').notNullable().unique();
    table.text('business_key').notNullable().unique();
    table.text('process_instance_id');
    table.text('channel').notNullable().checkIn(['窗口', '12345'], 'integrity_complaint_channel');
    table.text('external_id').unique();
    table.jsonb('complainant').notNullable();
    table.text('respondent_name').notNullable();
    table.text('respondent_code');
    table.text('field').notNullable();
    table.text('promise').notNullable();
    table.text('facts').notNullable();
    table.text('request');
    table.jsonb('evidence');
    table.date('received_on').notNullable();
    table.text('taken_by').notNullable();
    table.text('status').notNullable();
    table.text('hand_over');
    table.boolean('breach_confirmed');
    table.date('rectification_deadline');
    table.boolean('escalated').notNullable().defaultTo(false);
    table.text('outcome');
    table.text('credit_event_key');
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.index(['respondent_name']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('integrity_complaint');
  await knex.raw('drop sequence complaint_number_seq');
}
