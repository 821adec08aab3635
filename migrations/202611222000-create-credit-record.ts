import type { Knex } from 'knex';

// 信用记录: promises, fulfilments, breaches and bad-credit records, each once per case and
// event, each naming the rule that produced it. 失信 records come from outside (staff, platform).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('credit_record', (table) => {
    table.bigIncrements('id');
    table.text('subject_code').notNullable();
    table.text('subject_name').notNullable();
    table.text('kind').notNullable().checkIn(['承诺', '履约', '违约', '不良记录', '失信'], 'credit_record_kind');
    table.text('rule').notNullable();
    table.text('business_key');
    table.text('receipt_number');
    table.text('event_key').notNullable().unique();
    table.jsonb('detail');
    table.date('valid_until');
    table.text('created_by').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.index(['subject_code']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('credit_record');
}
