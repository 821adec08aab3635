import type { Knex } from 'knex';

// A complaint's timeline (初审, 移交, 研判, 督办, 挂牌督办, 跟踪问效, 违约失信), each step once.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('integrity_complaint_event', (table) => {
    table.bigIncrements('id');
    table.bigInteger('complaint_id').notNullable().references('integrity_complaint.id').onDelete('cascade');
    table.text('status').notNullable();
    table.text('activity_instance_id').notNullable().unique();
    table.text('note');
    table.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.index(['complaint_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('integrity_complaint_event');
}
