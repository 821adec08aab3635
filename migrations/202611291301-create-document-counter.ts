import type { Knex } from 'knex';

// 文号: one sequence per kind of document and year; the counter row is the lock, and it is drawn
// in the transaction that stores the document, so a retry never skips or repeats a number.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('document_counter', (table) => {
    table.text('kind').notNullable();
    table.integer('year').notNullable();
    table.integer('last').notNullable();
    table.primary(['kind', 'year']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('document_counter');
}
