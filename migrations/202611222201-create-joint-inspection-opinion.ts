import type { Knex } from 'knex';

// 联合踏勘: each department's opinion on a bundle case, once per department.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('joint_inspection_opinion', (table) => {
    table.bigIncrements('id');
    table.text('business_key').notNullable();
    table.text('group_id').notNullable();
    table.text('opinion').notNullable().checkIn(['同意', '有条件同意', '不同意'], 'joint_inspection_opinion_value');
    table.text('conditions');
    table.text('reason');
    table.text('inspector');
    table.timestamp('recorded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.unique(['business_key', 'group_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('joint_inspection_opinion');
}
