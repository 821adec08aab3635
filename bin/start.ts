// npm start: the whole system on this machine, until Ctrl-C.
import path from 'node:path';
import { ConfigError, loadConfig, PROJECT_ROOT, type Config } from '../lib/config.js';
import { buildModeler, modelerIsStale } from '../lib/modeler/build.js';
import { buildWorkbench, workbenchIsStale } from '../lib/workbench/build.js';
import { isPortFree } from '../lib/ports.js';
import { supervise, type Supervised } from '../lib/supervisor.js';
import { StartupError } from '../lib/errors.js';
import { createLogger } from '../lib/log.js';
import { consoleProgress } from '../lib/progress.js';
import { startSystem, type System } from './system.js';
import { DEMO_USERS } from '../lib/engine/directory.js';

const out = (line = ''): void => void process.stdout.write(line + '\n');

function fail(error: unknown): never {
  if (error instanceof StartupError) {
    out(`✘ ${error.message}`);
    out(`  → ${error.hint}`);
  } else if (error instanceof ConfigError) {
    out(`✘ ${error.message}`);
    out('  → 请修正该环境变量后重新运行 (变量说明见 README)');
  } else {
    out(`✘ 启动失败: ${error instanceof Error ? error.stack : String(error)}`);
  }
  process.exit(1);
}

function printReady(config: Config, started: number): void {
  const web = `http://${config.web.host}:${config.web.port}`;
  out('');
  out(`shenpi 已就绪 (ready), 用时 ${((Date.now() - started) / 1000).toFixed(1)}s, 模式 ${config.mode}`);
  out(`  工作台      ${web}/`);
  out(`  门户        ${web}/portal  (Camunda 应用入口)`);
  out(`  建模器      ${web}/modeler/  (流程分析员)`);
  out(`  Tasklist    ${config.engine.webappUrl}/app/tasklist/`);
  out(`  Cockpit     ${config.engine.webappUrl}/app/cockpit/`);
  out(`  Admin       ${config.engine.webappUrl}/app/admin/`);
  out(`  REST API    ${config.engine.restUrls.join(', ')}  (HTTP Basic${config.engine.nodes > 1 ? `, ${config.engine.nodes} 个引擎节点` : ''})`);
  out(`  数据        ${config.databaseUrl ? 'DATABASE_URL' : config.dataDir}`);
  out('');
  if (config.mode === 'dev') {
    out(`登录 (开发模式, 密码见 README):`);
    out(`  ${config.admin.username.padEnd(14)} 管理员            密码 ${config.admin.password}`);
    for (const user of DEMO_USERS) out(`  ${user.id.padEnd(14)} ${user.role.padEnd(16)}  密码 ${config.demoPassword}`);
    out(`网上平台接口 ${web}/api/v1 (说明 ${web}/api/openapi.json), 演示平台 API 密钥 ${config.platformApi.demoKey}`);
  } else {
    out(`登录: 管理员 ${config.admin.username}, 密码为 SHENPI_ADMIN_PASSWORD`);
  }
  out('');
  out('按 Ctrl-C 停止。');
}

const started = Date.now();
let config: Config;
try {
  config = loadConfig();
} catch (error) {
  fail(error);
}
const log = createLogger({ component: 'shenpi' });
out(`审批 shenpi — 启动中 (模式 ${config.mode})`);

let system: System | undefined;
const children: Supervised[] = [];
let stopping = false;
async function shutdown(code: number): Promise<never> {
  if (stopping) {
    out('再次收到停止信号, 强制退出');
    for (const engine of system?.engineProcesses ?? []) engine.child.kill('SIGKILL');
    process.exit(1);
  }
  stopping = true;
  out('正在停止 (workers → Web → 引擎 → 数据库) …');
  for (const child of children) await child.stop();
  await system?.stop();
  out('已停止。');
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(0));

/**
 * An engine node died unasked: start it again, the database stays up (workers and web reconnect
 * on their own; in a cluster the other nodes serve meanwhile).
 */
function watchEngine(running: System, node: number): void {
  running.engineProcesses[node]?.child.once('exit', (code, signal) => {
    if (stopping) return;
    log.error('engine exited unexpectedly, restarting it', { node: node + 1, code, signal, logFile: running.engineProcesses[node]?.logFile });
    running.restartEngine(node).then(() => watchEngine(running, node), (error: unknown) => {
      log.error('engine restart failed', { node: node + 1, error });
      out(`✘ 引擎重启失败: ${error instanceof Error ? error.message : String(error)}\n  → 请查看 ${running.engineProcesses[node]?.logFile ?? '引擎日志'}, 修正后重新运行 npm start`);
      void shutdown(1);
    });
  });
}

try {
  if (!(await isPortFree(config.web.port, config.web.host))) {
    throw new StartupError(`端口 ${config.web.port} 已被占用, Web 服务无法启动`, '请停止占用该端口的进程, 或设置 SHENPI_WEB_PORT');
  }
  const progress = consoleProgress();
  system = await startSystem(config, { log, progress, workers: false, web: false });
  if (modelerIsStale()) await progress.step('构建 Web 建模器 (esbuild)', () => buildModeler());
  if (workbenchIsStale()) await progress.step('构建工作台 (Vite)', () => buildWorkbench());
  // the web server and the workers run as processes of their own, each restarted alone when it
  // dies; in a cluster one workers process per engine node, long-polling that node
  const bases = config.engine.restUrls.map((url) => url.replace(/\/engine-rest$/, ''));
  const env = { ...process.env, DATABASE_URL: system.database.url, SHENPI_ENGINE_URL: bases.join(',') };
  const giveUp = (message: string): void => {
    out(`✘ ${message}`);
    void shutdown(1);
  };
  const parts: Array<[name: string, script: string, title: string, env: NodeJS.ProcessEnv]> = bases.length === 1
    ? [['workers', 'bin/workers.ts', '启动 workers (独立进程)', env]]
    : bases.map((base, node) => [`workers-${node + 1}`, 'bin/workers.ts', `启动 workers (独立进程, 引擎节点 ${node + 1})`, { ...env, SHENPI_WORKER_ENGINE_URL: base }]);
  parts.push(['web', 'bin/web.ts', `启动 Web 服务 (独立进程, 端口 ${config.web.port})`, env]);
  for (const [name, script, title, childEnv] of parts) {
    await progress.step(title, async () => {
      const child = supervise({ name, script: path.join(PROJECT_ROOT, script), env: childEnv, log: log.child({ component: 'supervisor' }), onGiveUp: giveUp });
      children.push(child);
      await child.ready;
    });
  }
} catch (error) {
  if (stopping) process.exit(1);
  for (const child of children) await child.stop();
  await system?.stop();
  fail(error);
}
system.engineProcesses.forEach((_engine, node) => watchEngine(system!, node));
printReady(config, started);
