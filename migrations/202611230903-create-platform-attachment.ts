import type { Knex } from 'knex';

// Files uploaded with an online application, linked to its submission (and so to its case) and
// to the material they prove; stored with the submission or not at all.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('platform_attachment', (table) => {
    table.bigIncrements('id');
    table.bigInteger('submission_id').notNullable().references('id').inTable('platform_submission').onDelete('CASCADE');
    table.text('material_code').notNullable();
    table.text('filename').notNullable();
    table.text('file_type').notNullable();
    table.text('content_type').notNullable();
    table.integer('size_bytes').notNullable();
    table.text('sha256').notNullable();
    table.binary('content').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.index(['submission_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('platform_attachment');
}
