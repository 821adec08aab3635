import type { Knex } from 'knex';

// One row per version of a catalogue entry; a change inserts a new version, so a running case
// keeps reading the version it started with.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('catalogue_item', (table) => {
    table.bigIncrements('id');
    table.text('item_key').notNullable();
    table.integer('version').notNullable();
    table.text('code').notNullable();
    table.text('name').notNullable();
    table.text('status').notNullable();
    table.jsonb('entry').notNullable();
    table.text('created_by').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.unique(['item_key', 'version']);
    table.index(['code']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('catalogue_item');
}
