import type { Knex } from 'knex';

// 网上平台 clients of the platform API: one API key each, only a salted hash of it is kept.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('platform_client', (table) => {
    table.text('id').primary();
    table.text('name').notNullable();
    table.text('key_salt').notNullable();
    table.text('key_hash').notNullable();
    // null: the defaults of SHENPI_API_RATE_PER_MINUTE / SHENPI_API_RATE_BURST
    table.integer('rate_per_minute');
    table.integer('rate_burst');
    table.text('created_by').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.timestamp('revoked_at', { useTz: true });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('platform_client');
}
