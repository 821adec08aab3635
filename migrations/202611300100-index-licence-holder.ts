// 免提交: a material is looked up among the licences the applicant holds (by holder code and name).
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('licence', (table) => {
    table.index(['holder_code', 'result_name'], 'licence_holder_code_result_name_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('licence', (table) => {
    table.dropIndex(['holder_code', 'result_name'], 'licence_holder_code_result_name_index');
  });
}
