import type { Knex } from 'knex';

// 特别程序 (Art. 45): the periods in which a case's clock stood still, with the written notice.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('clock_pause', (table) => {
    table.bigIncrements('id');
    table.bigInteger('case_id').notNullable().references('case_record.id').onDelete('cascade');
    table.text('procedure').notNullable();
    table.text('reason').notNullable();
    table.text('notice').notNullable();
    table.date('stopped_on').notNullable();
    table.date('restarted_on');
    table.integer('paused_working_days');
    table.date('deadline_before').notNullable();
    table.date('deadline_after');
    table.text('stop_activity_instance_id').notNullable().unique();
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('clock_pause');
}
