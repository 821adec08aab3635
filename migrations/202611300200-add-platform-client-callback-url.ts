import type { Knex } from 'knex';

// The 网上平台's notification callback: where shenpi POSTs the notices of the cases the client
// submitted (lib/notices). Null: the client registered none.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('platform_client', (table) => {
    table.text('callback_url');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('platform_client', (table) => {
    table.dropColumn('callback_url');
  });
}
