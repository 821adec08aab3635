import type { Knex } from 'knex';

// 文书: the PDF of one act of a case, stored once with its SHA-256 and never changed; a later act
// (a revocation) gets a document of its own and the earlier one stays.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('case_document', (table) => {
    table.bigIncrements('id');
    table.text('business_key').notNullable();
    table.text('receipt_number').notNullable();
    table.text('act_key').notNullable().unique();
    table.text('kind').notNullable();
    table.text('title').notNullable();
    table.text('document_number').notNullable();
    table.text('verification_code').notNullable().unique();
    table.bigInteger('template_id').notNullable().references('id').inTable('document_template');
    table.date('issued_on').notNullable();
    table.binary('pdf').notNullable();
    table.text('sha256').notNullable();
    table.text('text').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.index(['business_key']);
    table.index(['receipt_number']);
    table.unique(['kind', 'document_number']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('case_document');
}
