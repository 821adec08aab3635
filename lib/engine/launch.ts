// Builds the engine jar when it is missing or older than its sources, and runs it as a child
// process whose output goes to a log file.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Config, Credentials } from '../config.js';
import { PROJECT_ROOT } from '../config.js';
import { StartupError } from '../errors.js';
import { isPortFree } from '../ports.js';
import { waitForEngine } from './client.js';

export const ENGINE_DIR = path.join(PROJECT_ROOT, 'engine');
export const ENGINE_JAR = path.join(ENGINE_DIR, 'target', 'shenpi-engine.jar');

/** The newest change under engine/: files, and folders (a file deleted or renamed changes its folder). */
function newestSource(dir: string): number {
  let newest = fs.statSync(dir).mtimeMs;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'target') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

export function engineJarIsStale(): boolean {
  if (!fs.existsSync(ENGINE_JAR)) return true;
  return newestSource(ENGINE_DIR) > fs.statSync(ENGINE_JAR).mtimeMs;
}

function requireCommand(command: string, args: string[], what: string): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new StartupError(`未找到 ${what} (${command})`, `请安装 ${what} 并确保 ${command} 在 PATH 中 (shenpi 需要 Java 17 和 Maven 3.8+)`);
  }
  return `${result.stdout}${result.stderr}`;
}

export function checkJava(): void {
  const version = requireCommand('java', ['-version'], 'Java 17');
  const major = Number(/version "(\d+)/.exec(version)?.[1] ?? 0);
  if (major < 17) throw new StartupError(`Java 版本为 ${major}, 需要 17 或更高`, '请安装 Java 17 (如 openjdk-17-jdk) 并设为默认 java');
}

function tail(file: string, lines = 25): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** Runs Maven; `onWait` ticks about every 5 s for progress. */
export async function buildEngineJar(logDir: string, onWait: (elapsedMs: number) => void): Promise<void> {
  checkJava();
  requireCommand('mvn', ['-v'], 'Maven');
  fs.mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, 'engine-build.log');
  const out = fs.openSync(logFile, 'w');
  const started = Date.now();
  const timer = setInterval(() => onWait(Date.now() - started), 5000);
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn('mvn', ['-B', '-f', path.join(ENGINE_DIR, 'pom.xml'), 'clean', 'package', '-DskipTests'], { stdio: ['ignore', out, out] });
      child.once('error', reject);
      child.once('exit', resolve);
    });
    if (code !== 0) {
      throw new StartupError(`引擎构建失败 (mvn 退出码 ${code}):\n${tail(logFile)}`, `完整日志见 ${logFile}; 检查网络能否访问 Maven 中央仓库`);
    }
  } finally {
    clearInterval(timer);
    fs.closeSync(out);
  }
}

export interface EngineProcess {
  child: ChildProcess;
  logFile: string;
  stop(): Promise<void>;
}

export interface EngineLaunch {
  config: Config;
  jdbc: { url: string; user: string; password: string };
  admin: Credentials;
  logDir: string;
  onWait: (elapsedMs: number) => void;
  /** which node of a cluster (SHENPI_ENGINE_NODES), from 0: port `config.engine.port + node`, log engine-<node + 1>.log */
  node?: number;
}

export async function startEngine({ config, jdbc, admin, logDir, onWait, node = 0 }: EngineLaunch): Promise<EngineProcess> {
  checkJava();
  const port = config.engine.port + node;
  if (!(await isPortFree(port, config.engine.host))) {
    throw new StartupError(`端口 ${port} 已被占用, 引擎${node ? ` (节点 ${node + 1})` : ''}无法启动`, '请停止占用该端口的进程 (可能是另一个 shenpi), 或设置 SHENPI_ENGINE_PORT');
  }
  fs.mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, node ? `engine-${node + 1}.log` : 'engine.log');
  const out = fs.openSync(logFile, 'a');
  const child = spawn('java', [...config.engine.javaOpts.split(/\s+/).filter(Boolean), '-jar', ENGINE_JAR], {
    stdio: ['ignore', out, out],
    // its own process group: Ctrl-C reaches the supervisor, which stops the engine in order
    detached: true,
    env: {
      ...process.env,
      SHENPI_ENGINE_HOST: config.engine.host,
      SHENPI_ENGINE_PORT: String(port),
      SHENPI_ENGINE_JDBC_URL: jdbc.url,
      SHENPI_ENGINE_DB_USER: jdbc.user,
      SHENPI_ENGINE_DB_PASSWORD: jdbc.password,
      SHENPI_ENGINE_DB_SCHEMA: config.engineSchema,
      SHENPI_ENGINE_JOB_EXECUTION: String(config.engine.jobExecution),
      SHENPI_ENGINE_JOBS_PER_ACQUISITION: String(config.engine.jobsPerAcquisition),
      SHENPI_ENGINE_SSO_SECRET: config.engine.ssoSecret,
      SHENPI_ADMIN_USER: admin.username,
      SHENPI_ADMIN_PASSWORD: admin.password,
      SHENPI_HISTORY_TTL: config.engine.historyTtl,
      SHENPI_HISTORY_CLEANUP_START: config.engine.historyCleanup.windowStart,
      SHENPI_HISTORY_CLEANUP_END: config.engine.historyCleanup.windowEnd,
      SHENPI_HISTORY_CLEANUP_BATCH_SIZE: String(config.engine.historyCleanup.batchSize),
      SHENPI_HISTORY_CLEANUP_PARALLELISM: String(config.engine.historyCleanup.parallelism),
    },
  });
  fs.closeSync(out);
  // last resort if the supervisor ends without stopping the engine (an uncaught error)
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timeout = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timeout);
    process.removeListener('exit', killOnExit);
  };
  try {
    await waitForEngine(config.engine.restUrls[node] ?? config.engine.restUrl, config.engine.startTimeoutMs, onWait, () => child.exitCode === null && child.signalCode === null);
  } catch (error) {
    await stop();
    throw new StartupError(`引擎启动失败: ${(error as Error).message}\n${tail(logFile)}`, `完整日志见 ${logFile}`);
  }
  return { child, logFile, stop };
}
