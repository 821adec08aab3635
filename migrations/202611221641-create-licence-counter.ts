import type { Knex } from 'knex';

// Licence numbers run per prefix and year (JY2026-000001); the counter row is the lock.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('licence_counter', (table) => {
    table.text('prefix').notNullable();
    table.integer('year').notNullable();
    table.integer('last').notNullable();
    table.primary(['prefix', 'year']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('licence_counter');
}
