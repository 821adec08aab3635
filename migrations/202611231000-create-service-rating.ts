import type { Knex } from 'knex';

// 好差评: one rating per case (unique receipt number). A bad rating (levels 1-2) carries the
// state of its own process: verification, return visit, rectification or explanation, the
// published outcome, and an appeal (a rating made by mistake is withdrawn from the figures).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('service_rating', (table) => {
    table.bigIncrements('id');
    table.text('receipt_number').notNullable().unique();
    table.text('case_business_key').notNullable();
    table.text('item_key').notNullable();
    table.text('item_name').notNullable();
    table.text('department_group').notNullable();
    table.integer('level').notNullable().checkBetween([1, 5], 'service_rating_level');
    table.text('comment');
    table.boolean('named').notNullable();
    table.text('channel').notNullable();
    table.text('applicant_code');
    table.date('rated_on').notNullable();
    table.text('business_key').unique();
    table.text('process_instance_id');
    table.text('status').notNullable();
    table.boolean('counted').notNullable().defaultTo(true);
    table.text('verification_result');
    table.text('return_visit');
    table.text('rectification_kind').checkIn(['整改', '说明'], 'service_rating_rectification_kind');
    table.text('rectification');
    table.date('rectified_on');
    table.boolean('rectified_in_time');
    table.text('appeal_reason');
    table.text('appeal_decision');
    table.date('published_on');
    table.jsonb('publication');
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.index(['rated_on']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('service_rating');
}
