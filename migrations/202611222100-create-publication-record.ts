import type { Knex } from 'knex';

// 双公示 ledger: every published version of a licence record (准予, then 变更, 撤销 …), public
// fields only (masked), once per licence and version.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('publication_record', (table) => {
    table.bigIncrements('id');
    table.text('licence_number').notNullable();
    table.integer('version').notNullable();
    table.text('business_key').notNullable();
    table.text('item_key').notNullable();
    table.text('action').notNullable();
    table.jsonb('record').notNullable();
    table.date('decision_date').notNullable();
    table.timestamp('published_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.timestamp('acknowledged_at', { useTz: true });
    table.text('rejected_reason');
    table.unique(['licence_number', 'version']);
    table.index(['business_key']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('publication_record');
}
