import type { Knex } from 'knex';

// 文书模板: the text of each kind of document (per kind, optionally per item), versioned like the
// catalogue: an edit inserts the next version, a version is never updated, and a document names
// the version it was issued with.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('document_template', (table) => {
    table.bigIncrements('id');
    table.text('kind').notNullable();
    // '' = the default of the kind; otherwise the item key it is for
    table.text('item_key').notNullable().defaultTo('');
    table.integer('version').notNullable();
    table.jsonb('template').notNullable();
    table.text('created_by').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.unique(['kind', 'item_key', 'version']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('document_template');
}
