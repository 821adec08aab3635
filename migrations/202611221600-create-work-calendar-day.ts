import type { Knex } from 'knex';

// The exceptions to "Monday to Friday": statutory holidays and make-up working days (调休上班).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('work_calendar_day', (table) => {
    table.date('day').primary();
    table.text('kind').notNullable().checkIn(['holiday', 'workday'], 'work_calendar_day_kind');
    table.text('name').notNullable();
    table.text('source').notNullable();
    table.text('updated_by').notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('work_calendar_day');
}
