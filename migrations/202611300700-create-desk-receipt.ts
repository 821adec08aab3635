import type { Knex } from 'knex';

// 受理编号 reserved at the window before a case starts, the case's business key in the engine
// (issue 18): the register worker takes a business key as the case's 受理编号 only when it is here.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('desk_receipt', (table) => {
    table.string('receipt_number').primary();
    table.string('reserved_by').notNullable();
    table.timestamp('reserved_at', { precision: 6 }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('desk_receipt');
}
