import type { Knex } from 'knex';

// 一件事 bundles are catalogue data too, versioned like items.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('catalogue_bundle', (table) => {
    table.bigIncrements('id');
    table.text('bundle_key').notNullable();
    table.integer('version').notNullable();
    table.jsonb('entry').notNullable();
    table.text('created_by').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.unique(['bundle_key', 'version']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('catalogue_bundle');
}
