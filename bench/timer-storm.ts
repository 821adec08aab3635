// A timer storm: N 告知承诺 and 容缺 deadlines falling due in the same minute (a wave after a
// holiday), handled by the real job executor and workers: each 容缺 case records the missed
// supplement, each 告知承诺 case reaches its 7th working day after expiry; both then run 违诺处理
// (licence revoked where one was issued, 撤销 published, the bad-credit record queued for the
// credit platform, the applicant told) and end. Prints the time from "due" to the last case ended,
// and the incidents and failed job/task executions (optimistic-locking conflicts included).
//
// The cases are started through the engine as admin, directly at their waiting state (start
// instructions before the 构建工程施工许可 process's 告知承诺核查 / 容缺补正 call activity), with the
// case register and, for 告知承诺, the licence already written; the timers' job definitions are
// suspended while the cases are made, so every timer job is created suspended, and activating
// the definitions makes all of them due at once.
//
//   npm run bench:timer-storm [-- cases=10000] [creators=8]
import os from 'node:os';
import { toVariables } from '../lib/engine/client.js';
import { breachFigures } from '../lib/repositories/tables.js';
import { readEntry } from '../test/processes/items/scenarios.js';
import { sampleApplication, uniqueCreditCode } from '../test/support/applications.js';
import { stopSystem, useSystem } from '../test/support/system.js';
import { benchHeader, cpuByProgram, cpuSince, cpuTotal, goal, seconds } from './report.js';

const CASES = Number(process.argv[2] ?? 10_000);
const CREATORS = Number(process.argv[3] ?? 8);
const PREFIX = 'storm-';
const permit = readEntry('construction-permit');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

process.env.SHENPI_LOG_LEVEL ??= 'warn';
const closing = benchHeader('定时器风暴 (bench/timer-storm.ts)');
const system = await useSystem({ SHENPI_JOB_EXECUTOR: 'true' });
const { admin, db } = system;

type JobDefinition = { id: string; activityId: string; suspended: boolean };
const definitions = async (processKey: string, activityId: string) => admin.get<JobDefinition[]>(`/job-definition?processDefinitionKey=${processKey}&activityIdIn=${activityId}`);
const setSuspended = async (list: JobDefinition[], suspended: boolean) => {
  for (const definition of list) await admin.put(`/job-definition/${definition.id}/suspended`, { suspended, includeJobs: true });
};
const count = async (path: string) => (await admin.get<{ count: number }>(path)).count;

try {
  const expiry = await definitions('commitment-verification', 'CommitmentExpiredTimer');
  const breachPush = await definitions('commitment-verification', 'BreachPushTimer');
  const supplement = await definitions('deferred-supplement', 'SupplementDeadlineTimer');
  // the reminders 3 working days before expiry went out before the wave: kept from firing late
  const reminders = [...await definitions('commitment-verification', 'CommitmentReminderTimer'), ...await definitions('deferred-supplement', 'SupplementReminderTimer')];
  await setSuspended([...expiry, ...breachPush, ...supplement, ...reminders], true);

  // the cases, half 告知承诺 (a permit issued on the promise), half 容缺 (decision not yet taken)
  console.log(`创建 ${CASES} 件 (${CREATORS} 路并发, 经引擎 REST) …`);
  const made: Array<{ businessKey: string; processInstanceId: string; receiptNumber: string; commitment: boolean; creditCode: string }> = [];
  let next = 0;
  let started = Date.now();
  await Promise.all(Array.from({ length: CREATORS }, async () => {
    while (next < CASES) {
      const i = next++;
      const commitment = i % 2 === 0;
      const creditCode = uniqueCreditCode();
      const businessKey = `${PREFIX}${i}`;
      const receiptNumber = `SPSTORM${String(i).padStart(7, '0')}`;
      const variables = {
        itemKey: permit.key, itemVersion: 1, itemName: permit.name, receiptNumber, applicantName: `呼和浩特市测试建设${i}号公司`, reviewGroup: permit.reviewGroup,
        receivedOn: '2026-09-02', clockDate: '2026-10-15', acceptedAs: commitment ? 'commitment' : 'deferral',
        application: sampleApplication(permit, { creditCode, omitMaterials: ['drawing-review-certificate'] }), pendingMaterials: ['drawing-review-certificate'],
        promiseKind: commitment ? '告知承诺' : '容缺', promiseStartsAt: '2026-09-02', promiseDeadline: '2026-09-30',
        promiseDueAt: '2026-09-30T23:59:59+08:00', promiseWarningAt: '2026-09-29T00:00:00+08:00', promiseReminderAt: '2026-09-25T09:00:00+08:00',
      };
      const instance = await admin.post<{ id: string }>(`/process-definition/key/${permit.key}/start`, {
        businessKey, variables: toVariables(variables),
        startInstructions: [{ type: 'startBeforeActivity', activityId: commitment ? 'CommitmentVerificationCallActivity' : 'DeferredSupplementCallActivity' }],
      });
      made.push({ businessKey, processInstanceId: instance.id, receiptNumber, commitment, creditCode });
      if (made.length % 1000 === 0) console.log(`  ${made.length}/${CASES}`);
    }
  }));
  console.log(`  创建用时 ${seconds(Date.now() - started)} (${(CASES / ((Date.now() - started) / 1000)).toFixed(0)} 件/s)`);
  // what case.register and licence.issue wrote for them earlier (bench fixtures, shenpi's own tables)
  for (let i = 0; i < made.length; i += 1000) {
    const batch = made.slice(i, i + 1000);
    await db('case_record').insert(batch.map((c) => ({
      receipt_number: c.receiptNumber, business_key: c.businessKey, process_instance_id: c.processInstanceId, item_key: permit.key, item_version: 1, item_name: permit.name,
      applicant_name: '呼和浩特市青城餐饮管理有限公司', applicant_category: '法人及非法人组织', applicant_code: c.creditCode, status: c.commitment ? '已办结' : '已受理', received_on: '2026-09-02', accepted_on: '2026-09-02',
    })));
    const licences = batch.filter((c) => c.commitment);
    if (licences.length) {
      await db('licence').insert(licences.map((c) => ({
        licence_number: `STORM2026${c.receiptNumber.slice(-7)}`, business_key: c.businessKey, receipt_number: c.receiptNumber, item_key: permit.key, item_version: 1,
        result_name: permit.result.name, holder_name: '呼和浩特市青城餐饮管理有限公司', holder_category: '法人及非法人组织', holder_code: c.creditCode,
        content: '准予施工', decided_on: '2026-09-04', valid_from: '2026-09-04', valid_until: null, status: '有效',
      })));
    }
  }

  // 告知承诺: the promise expired on 9-30; the cases wait for the 7th working day (10-15)
  const commitments = made.filter((c) => c.commitment).length;
  started = Date.now();
  await setSuspended(expiry, false);
  for (;;) {
    const waiting = await count('/job/count?activityId=BreachPushTimer');
    if (waiting >= commitments) break;
    await sleep(2000);
  }
  console.log(`  告知承诺 ${commitments} 件已到期满, 等待第 7 个工作日 (${seconds(Date.now() - started)})`);
  const failuresBefore = { jobs: await count('/history/job-log/count?failureLog=true'), tasks: await count('/history/external-task-log/count?failureLog=true') };

  // the storm: every deadline due at once
  console.log(`风暴: ${CASES} 个期限同时到期 …`);
  started = Date.now();
  const cpuAtStart = cpuByProgram();
  await setSuspended([...breachPush, ...supplement], false);
  let lastReport = Date.now();
  const deadline = Date.now() + Number(process.env.SHENPI_BENCH_STORM_TIMEOUT_S ?? 3600) * 1000;
  let open = CASES;
  while (open > 0 && Date.now() < deadline) {
    await sleep(500);
    open = await count(`/process-instance/count?processDefinitionKey=${permit.key}&businessKeyLike=${PREFIX}%25`);
    if (Date.now() - lastReport > 15_000) {
      console.log(`  ${seconds(Date.now() - started)}: 已处理 ${CASES - open}/${CASES}`);
      lastReport = Date.now();
    }
  }
  const elapsed = Date.now() - started;
  const cpu = cpuSince(cpuAtStart);
  const figures = await breachFigures(db, PREFIX);
  const incidents = await count('/incident/count');
  const failedJobs = (await count('/history/job-log/count?failureLog=true')) - failuresBefore.jobs;
  const failedTasks = (await count('/history/external-task-log/count?failureLog=true')) - failuresBefore.tasks;
  const tasksDone = await count('/history/external-task-log/count?successLog=true');
  const all = open === 0 && figures.creditRecords === CASES && figures.revoked === commitments && figures.terminated === CASES;
  console.log(`\n${CASES} 个期限 (告知承诺 ${commitments}, 容缺 ${CASES - commitments}) 全部处理: ${goal(seconds(elapsed), '< 60 s', open === 0 && elapsed < 60_000)}; ${(CASES - open) / (elapsed / 1000) >= 0 ? ((CASES - open) / (elapsed / 1000)).toFixed(1) : '-'} 件/s`);
  console.log(`  办件终止 ${figures.terminated}, 信用记录 ${figures.creditRecords} (入发件箱 ${figures.creditQueued}), 撤销许可 ${figures.revoked}/${commitments} ${all ? '✔' : '✘'}`);
  console.log(`  风暴期间 CPU: ${cpu} (本机 ${os.cpus().length} 核)`);
  const perCase = cpuTotal(cpuAtStart) / Math.max(1, CASES - open);
  console.log(`瓶颈 (实测): 每件 ${perCase.toFixed(3)} CPU 秒; 10000 件至少需 ${(perCase * 10_000 / os.cpus().length / 60).toFixed(1)} 分钟 (本机 ${os.cpus().length} 核全归本基准时), 60 s 内需约 ${Math.ceil(perCase * 10_000 / 60)} 核`);
  console.log(`  ${goal(`事件 (incident) ${incidents}`, '0', incidents === 0)}; 失败后重试的定时作业 ${failedJobs} 次, 外部任务 ${failedTasks} 次 (含乐观锁冲突); 外部任务共完成 ${tasksDone} 个`);
} finally {
  closing();
  await stopSystem();
}
