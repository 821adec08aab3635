import type { Knex } from 'knex';

// The 工作台's login sessions (express-session; lib/repositories/sessions.ts is their store).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('web_session', (table) => {
    table.string('sid').primary();
    table.json('sess').notNullable();
    table.timestamp('expire', { precision: 6 }).notNullable().index();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('web_session');
}
