import type { Knex } from 'knex';

// The case's status timeline: each change once (a redelivered task finds its row).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('case_event', (table) => {
    table.bigIncrements('id');
    table.bigInteger('case_id').notNullable().references('case_record.id').onDelete('cascade');
    table.text('activity_id').notNullable();
    table.text('activity_instance_id').notNullable();
    table.text('status').notNullable();
    table.text('note');
    table.jsonb('detail');
    table.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.unique(['activity_instance_id', 'status']);
    table.index(['case_id', 'at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('case_event');
}
