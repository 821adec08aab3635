import type { Knex } from 'knex';

// 电子证照: the result document of a granted case, numbered once per case.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('licence', (table) => {
    table.bigIncrements('id');
    table.text('licence_number').notNullable().unique();
    table.text('business_key').notNullable().unique();
    table.text('receipt_number').notNullable();
    table.text('item_key').notNullable();
    table.integer('item_version').notNullable();
    table.text('result_name').notNullable();
    table.text('holder_name').notNullable();
    table.text('holder_category').notNullable();
    table.text('holder_code');
    table.text('content').notNullable();
    table.date('decided_on').notNullable();
    table.date('valid_from').notNullable();
    table.date('valid_until');
    table.text('status').notNullable();
    table.timestamp('issued_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('licence');
}
