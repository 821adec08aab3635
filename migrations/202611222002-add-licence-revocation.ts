import type { Knex } from 'knex';

// A licence revoked for a breached promise (容缺 / 告知承诺) keeps its row, with why and when.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('licence', (table) => {
    table.date('revoked_on');
    table.text('revoked_reason');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('licence', (table) => {
    table.dropColumn('revoked_on');
    table.dropColumn('revoked_reason');
  });
}
