import type { Knex } from 'knex';

// The years whose schedule has been published and entered: the calendar's known range.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('work_calendar_year', (table) => {
    table.integer('year').primary();
    table.text('source').notNullable();
    table.text('published_by').notNullable();
    table.timestamp('published_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('work_calendar_year');
}
