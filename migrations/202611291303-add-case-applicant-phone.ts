import type { Knex } from 'knex';

// The applicant's mobile number, kept with the case so notices (短信) reach them.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('case_record', (table) => {
    table.text('applicant_phone');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('case_record', (table) => {
    table.dropColumn('applicant_phone');
  });
}
