// Ten years of ended cases for bench/history.ts, made by set-based SQL from a few real cases the
// engine ran to their end: every history row of a template case (the engine's ACT_HI_* and its
// history byte arrays, shenpi's register, timeline, licence, 文书 and 双公示 rows) is copied once
// per generated case, with new ids (a UUID at the end of an id becomes md5(UUID, copy) as a UUID,
// the same in every row that refers to it), a new business key, 受理编号, applicant and item, and every
// instant moved back by the case's age, so that its removal time stays what the engine set:
// its end plus the time-to-live.
import type { Knex } from 'knex';

/** The engine's history tables the two office pages read, and those the clean-up deletes from. */
export const HISTORY_TABLES = [
  'act_hi_procinst', 'act_hi_actinst', 'act_hi_taskinst', 'act_hi_varinst', 'act_hi_detail', 'act_hi_identitylink',
  'act_hi_op_log', 'act_hi_comment', 'act_hi_job_log', 'act_hi_ext_task_log', 'act_hi_incident', 'act_ge_bytearray',
] as const;

/** Columns that hold an id of a row of the case's history (ending in a UUID); nothing else is renamed. */
const ID_COLUMNS = new Set([
  'id_', 'proc_inst_id_', 'root_proc_inst_id_', 'super_process_instance_id_', 'execution_id_', 'act_inst_id_', 'parent_act_inst_id_',
  'call_proc_inst_id_', 'task_id_', 'parent_task_id_', 'bytearray_id_', 'var_inst_id_', 'operation_id_', 'job_id_',
  'job_exception_stack_id_', 'error_details_id_', 'ext_task_id_', 'cause_incident_id_', 'root_cause_incident_id_',
]);

const UUID_AT_END = `'[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`;
/** the UUID at the end replaced by one of the copy's own (the same for every reference to it) */
const newUuid = (value: string) => `left(${value}, length(${value}) - 36) || md5(right(${value}, 36) || gen.node)::uuid::text`;
const renamed = (column: string) => `case when src.${column} ~ ${UUID_AT_END} then ${newUuid(`src.${column}`)} else src.${column} end`;

const CITIES = ['呼和浩特市', '包头市', '鄂尔多斯市', '赤峰市', '通辽市', '乌海市', '呼伦贝尔市', '巴彦淖尔市', '乌兰察布市', '锡林浩特市', '满洲里市', '二连浩特市'];
const WORDS = ['青城', '草原', '北疆', '金川', '塞外', '敕勒', '大青山', '黄河', '昭君', '蒙元', '天骄', '驼铃', '鸿雁', '白云', '银河', '阴山', '长城', '丰州', '云中', '归化',
  '绥远', '兴安', '科尔沁', '额尔古纳', '达茂', '武川', '托克托', '和林', '清水河', '土默特', '准格尔', '伊金霍洛', '乌审', '杭锦', '鄂托克', '阿拉善', '巴林', '克什克腾', '翁牛特', '敖汉'];
const TRADES = ['餐饮管理', '食品', '商贸', '超市', '烘焙', '乳业', '肉类加工', '饮品', '酒店管理', '农副产品'];
const FORMS = ['有限公司', '有限责任公司', '个体工商户'];
const sqlArray = (values: string[]) => `array[${values.map((value) => `'${value}'`).join(',')}]`;

export interface Template { rootId: string; businessKey: string }

/**
 * Fills `history_bench_case` (g, template, names, age) for `count` cases ended over ten years up to a
 * day before the templates ended (g = 1 the newest), then copies every row. Returns ms per table.
 */
export async function generateCases(db: Knex, engineSchema: string, templates: Template[], count: number, ttlDays: number): Promise<Map<string, number>> {
  const took = new Map<string, number>();
  const timed = async (name: string, work: () => Promise<unknown>) => {
    const started = Date.now();
    await work();
    took.set(name, (took.get(name) ?? 0) + Date.now() - started);
  };
  const e = (table: string) => `${engineSchema}.${table}`;
  await db.raw('drop table if exists history_bench_case');
  await db.raw(`create table history_bench_case (g integer primary key, root_id text not null, template_key text not null, node text not null, shift interval not null,
    ended_at timestamp not null, new_root text not null, expired_in integer, business_key text not null, receipt_number text, case_id bigint, applicant_name text not null, item_key text not null, item_name text not null)`);
  const items = (await db('catalogue_item').distinct('item_key', 'name').orderBy('item_key')) as Array<{ item_key: string; name: string }>;
  await timed('计划 (history_bench_case)', async () => {
    await db.transaction(async (trx) => {
      await trx.raw(`create temporary table history_bench_template on commit drop as
        select t.k - 1 as k, p.id_ as root_id, p.business_key_ as business_key, p.end_time_ as ended_at
        from unnest(?::text[]) with ordinality as t(root_id, k) join ${e('act_hi_procinst')} p on p.id_ = t.root_id`, [templates.map((t) => t.rootId)]);
      if (!(await trx.raw('select min(ended_at) as at from history_bench_template')).rows[0].at) throw new Error('模板办件未结束');
      // from a day before the templates ended back to (time-to-live - 1 day) before them, newest
      // first: the oldest case's removal time is a day after the bench started, none expired yet
      await trx.raw(`insert into history_bench_case (g, root_id, template_key, node, shift, ended_at, new_root, business_key, applicant_name, item_key, item_name)
        select g, t.root_id, t.business_key, lpad(to_hex(g), 12, '0'), (a.ended_at - t.ended_at), a.ended_at, left(t.root_id, length(t.root_id) - 36) || md5(right(t.root_id, 36) || lpad(to_hex(g), 12, '0'))::uuid::text, 'HIST-' || g,
          (${sqlArray(CITIES)})[1 + g % ${CITIES.length}] || (${sqlArray(WORDS)})[1 + (g / ${CITIES.length}) % ${WORDS.length}]
            || (${sqlArray(TRADES)})[1 + (g / ${CITIES.length * WORDS.length}) % ${TRADES.length}] || (${sqlArray(FORMS)})[1 + g % ${FORMS.length}],
          (?::text[])[1 + (g * 7) % ?], (?::text[])[1 + (g * 7) % ?]
        from generate_series(1, ?) as g
        join history_bench_template t on t.k = g % ?
        cross join lateral (select (select min(ended_at) from history_bench_template) - interval '1 day'
          - interval '1 second' * (${(ttlDays - 2) * 86_400}.0 * (g - 1) / greatest(1, ? - 1)) as ended_at) a`,
      [items.map((i) => i.item_key), items.length, items.map((i) => i.name), items.length, count, templates.length, count]);
    });
  });
  // the engine's rows, table by table
  for (const table of HISTORY_TABLES) {
    const columns = (await db.raw(`select column_name, data_type from information_schema.columns where table_schema = ? and table_name = ? order by ordinal_position`, [engineSchema, table])).rows as Array<{ column_name: string; data_type: string }>;
    if (!columns.length) continue;
    const select = columns.map(({ column_name: column, data_type: type }) => {
      if (table === 'act_hi_procinst' && column === 'business_key_') return 'gen.business_key';
      if (ID_COLUMNS.has(column)) return renamed(column);
      if (type.startsWith('timestamp')) return `src.${column} + gen.shift`;
      return `src.${column}`;
    });
    const from = `from ${e(table)} src join history_bench_case gen on gen.root_id = src.root_proc_inst_id_`;
    await timed(table, () => db.raw(`insert into ${e(table)} (${columns.map((c) => c.column_name).join(', ')}) select ${select.join(', ')} ${from}`)).catch(async (error: unknown) => {
      const id = select[columns.findIndex((c) => c.column_name === 'id_')];
      const found = await db.raw(`select ${id} as id, src.id_ as src, gen.g, gen.root_id ${from} where ${id} in (select ${id} ${from} group by 1 having count(*) > 1) order by 1 limit 6`);
      console.error(table, found.rows);
      throw error;
    });
  }
  // shenpi's own rows of the case: register, timeline, licence, 文书 (without the PDF bytes), 双公示
  await timed('case_record', async () => {
    const base = Number((await db('case_record').max('id as max').first())?.max ?? 0);
    await db.raw(`update history_bench_case gen set case_id = ? + gen.g,
      receipt_number = 'SP' || to_char((c.received_on + gen.shift)::date, 'YYYYMMDD') || lpad((100000 + gen.g % 900000)::text, 6, '0')
      from case_record c where c.business_key = gen.template_key`, [base]);
    await db.raw(`insert into case_record (id, receipt_number, business_key, process_instance_id, item_key, item_version, item_name, applicant_name, applicant_category,
        applicant_code, applicant_phone, status, received_on, accepted_on, decision_deadline, deadline_extended, outcome, created_at, updated_at)
      select gen.case_id, gen.receipt_number, gen.business_key, gen.new_root, gen.item_key, c.item_version, gen.item_name,
        gen.applicant_name, c.applicant_category, c.applicant_code, c.applicant_phone, c.status, (c.received_on + gen.shift)::date, (c.accepted_on + gen.shift)::date,
        (c.decision_deadline + gen.shift)::date, c.deadline_extended, c.outcome, c.created_at + gen.shift, c.updated_at + gen.shift
      from history_bench_case gen join case_record c on c.business_key = gen.template_key`);
    await db.raw(`select setval('case_record_id_seq', (select max(id) from case_record))`);
  });
  await timed('case_event', () => db.raw(`insert into case_event (case_id, activity_id, activity_instance_id, status, note, detail, at)
    select gen.case_id, ev.activity_id, ev.activity_instance_id || '~' || gen.g, ev.status, ev.note, ev.detail, ev.at + gen.shift
    from history_bench_case gen join case_record c on c.business_key = gen.template_key join case_event ev on ev.case_id = c.id`));
  await timed('licence', () => db.raw(`insert into licence (licence_number, business_key, receipt_number, item_key, item_version, result_name, holder_name, holder_category, holder_code,
      content, decided_on, valid_from, valid_until, status)
    select l.licence_number || '-' || gen.g, gen.business_key, gen.receipt_number, gen.item_key, l.item_version, l.result_name, gen.applicant_name, l.holder_category, l.holder_code,
      l.content, (l.decided_on + gen.shift)::date, (l.valid_from + gen.shift)::date, (l.valid_until + gen.shift)::date, l.status
    from history_bench_case gen join licence l on l.business_key = gen.template_key`));
  await timed('case_document', () => db.raw(`insert into case_document (business_key, receipt_number, act_key, kind, title, document_number, verification_code, template_id, issued_on, pdf, sha256, text, created_at)
    select gen.business_key, gen.receipt_number, d.act_key || '~' || gen.g, d.kind, d.title, d.document_number || '-' || gen.g, d.verification_code || '-' || gen.g, d.template_id,
      (d.issued_on + gen.shift)::date, '\\x'::bytea, d.sha256, d.text, d.created_at + gen.shift
    from history_bench_case gen join case_document d on d.business_key = gen.template_key`));
  await timed('publication_record', () => db.raw(`insert into publication_record (licence_number, version, business_key, item_key, action, record, decision_date, published_at, acknowledged_at)
    select p.licence_number || '-' || gen.g, p.version, gen.business_key, gen.item_key, p.action, p.record, (p.decision_date + gen.shift)::date, p.published_at + gen.shift, p.acknowledged_at + gen.shift
    from history_bench_case gen join publication_record p on p.business_key = gen.template_key`));
  await timed('analyze', async () => {
    for (const table of HISTORY_TABLES) await db.raw(`analyze ${e(table)}`);
    for (const table of ['case_record', 'case_event', 'licence', 'case_document', 'publication_record', 'history_bench_case']) await db.raw(`analyze ${table}`);
  });
  return took;
}

/** Sizes of the tables (rows as the planner counts them after analyze, bytes with indexes). */
export async function tableSizes(db: Knex, engineSchema: string, appSchema: string): Promise<Array<{ table: string; rows: number; size: string }>> {
  const { rows } = await db.raw(`select n.nspname || '.' || c.relname as table, c.reltuples::bigint as rows, pg_size_pretty(pg_total_relation_size(c.oid)) as size
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind = 'r' and ((n.nspname = ? and c.relname = any(?)) or (n.nspname = ? and c.relname = any(?)))
    order by pg_total_relation_size(c.oid) desc`, [engineSchema, [...HISTORY_TABLES], appSchema, ['case_record', 'case_event', 'licence', 'case_document', 'publication_record']]);
  return (rows as Array<{ table: string; rows: string; size: string }>).map((row) => ({ ...row, rows: Number(row.rows) }));
}
