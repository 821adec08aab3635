// 办件查询 over ten years of cases (a million rows): a search for part of a 受理编号, 申请人 or 事项
// must not read the whole register. PostgreSQL's trigram index (pg_trgm) finds no trigrams in
// Chinese text under the database's C locale, so the register is indexed by its own grams: every
// character and every pair of neighbouring characters, lower-cased. A query's pairs (its one
// character) must all be among a case's grams; ILIKE then keeps only the cases that contain it.
// The newest-first order reads the (received_on, id) index when a query matches many cases.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create function case_search_grams(t text) returns text[] language sql immutable strict parallel safe as $$
      select coalesce(array_agg(distinct g), '{}') from (
        select substr(lower(t), i, 1) as g from generate_series(1, length(t)) as i
        union all select substr(lower(t), i, 2) from generate_series(1, length(t) - 1) as i
      ) as grams
    $$`);
  await knex.raw(`
    create function case_search_query_grams(q text) returns text[] language sql immutable strict parallel safe as $$
      select coalesce(array_agg(distinct g), '{}') from (
        select substr(lower(q), i, least(2, length(q))) as g from generate_series(1, greatest(1, length(q) - 1)) as i
      ) as grams
    $$`);
  await knex.raw(`create index case_record_search_grams_index on case_record using gin (case_search_grams(receipt_number || ' ' || applicant_name || ' ' || item_name))`);
  await knex.raw('create index case_record_received_on_id_index on case_record (received_on desc, id desc)');
  // the 办件 page reads a case's pauses by case: the foreign key had no index
  await knex.raw('create index clock_pause_case_id_index on clock_pause (case_id)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index clock_pause_case_id_index');
  await knex.raw('drop index case_record_received_on_id_index');
  await knex.raw('drop index case_record_search_grams_index');
  await knex.raw('drop function case_search_query_grams(text)');
  await knex.raw('drop function case_search_grams(text)');
}
