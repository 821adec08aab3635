import type { Knex } from 'knex';

// The steps of a bad rating's handling, each once (a redelivered task finds its row).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('service_rating_event', (table) => {
    table.bigIncrements('id');
    table.bigInteger('rating_id').notNullable().references('service_rating.id').onDelete('cascade');
    table.text('step').notNullable();
    table.text('activity_instance_id').notNullable().unique();
    table.text('note');
    table.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.index(['rating_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('service_rating_event');
}
