import type { Knex } from 'knex';

// 电子监察: yellow warnings and red cards, one per task instance and level.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('supervision_alert', (table) => {
    table.bigIncrements('id');
    table.text('business_key').notNullable();
    table.text('receipt_number');
    table.text('level').notNullable().checkIn(['yellow', 'red'], 'supervision_alert_level');
    table.text('activity_id').notNullable();
    table.text('activity_name').notNullable();
    table.text('responsible_group').notNullable();
    table.date('deadline').notNullable();
    table.text('message').notNullable();
    table.text('timer_activity_instance_id').notNullable().unique();
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.index(['business_key']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('supervision_alert');
}
