import type { Knex } from 'knex';

// Every side effect that leaves the engine is recorded once, keyed by business key + activity
// (+ kind), so a redelivered external task never repeats it (conventions, item 8).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('side_effect', (table) => {
    table.bigIncrements('id');
    table.text('business_key').notNullable();
    table.text('activity_id').notNullable();
    table.text('kind').notNullable();
    table.jsonb('result');
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.unique(['business_key', 'activity_id', 'kind']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('side_effect');
}
