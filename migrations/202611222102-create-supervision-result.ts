import type { Knex } from 'knex';

// 审管衔接: what the supervising department found (检查) or decided (处罚) about a licence.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('supervision_result', (table) => {
    table.bigIncrements('id');
    table.text('business_key').notNullable();
    table.text('licence_number');
    table.text('kind').notNullable().checkIn(['检查', '处罚'], 'supervision_result_kind');
    table.text('department').notNullable();
    table.date('occurred_on').notNullable();
    table.text('result').notNullable();
    table.text('reference').notNullable();
    table.text('received_by').notNullable();
    table.timestamp('received_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.unique(['department', 'reference']);
    table.index(['business_key']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('supervision_result');
}
