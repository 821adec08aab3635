// The one place that reads the environment: defaults applied, every value checked at boot,
// and a bad value fails with the variable's name and what to do.
import { createHmac, randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_OFFICE_HOURS, parseOfficeHours, type OfficePeriod } from './calendar/office-hours.js';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export type Mode = 'dev' | 'production';

export interface Credentials {
  username: string;
  password: string;
}

export interface Config {
  mode: Mode;
  dataDir: string;
  /** postgres://… of an existing server, or undefined for the embedded one */
  databaseUrl: string | undefined;
  embeddedPostgresPort: number;
  appSchema: string;
  engineSchema: string;
  engine: {
    host: string;
    port: number;
    /** an engine already running elsewhere (the first of a list); when set, shenpi starts none */
    externalUrl: string | undefined;
    /** the first node's /engine-rest and /camunda */
    restUrl: string;
    webappUrl: string;
    /**
     * engine nodes on one database (SHENPI_ENGINE_NODES, started on consecutive ports from
     * `port`; or the comma-separated SHENPI_ENGINE_URL): every node's /engine-rest, the first first
     */
    nodes: number;
    restUrls: string[];
    javaOpts: string;
    startTimeoutMs: number;
    historyTtl: string;
    /**
     * the engine's history clean-up (removal-time based): every night in this window (engine time
     * "HH:mm±hhmm"), ended cases whose time-to-live has passed are removed, `batchSize` root process
     * instances per run of the clean-up job, `parallelism` jobs at a time
     */
    historyCleanup: { windowStart: string; windowEnd: string; batchSize: number; parallelism: number };
    /** the job executor fires timers; only the test suite turns it off */
    jobExecution: boolean;
    /** timer and async jobs the job executor takes per acquisition query (a timer storm) */
    jobsPerAcquisition: number;
    /**
     * signs the 工作台's single sign-on tokens into Camunda's web apps (lib/engine/webapp-sso.ts);
     * given to the engine as SHENPI_ENGINE_SSO_SECRET
     */
    ssoSecret: string;
  };
  admin: Credentials;
  /** technical user for workers and the web server */
  service: Credentials;
  /** password of the demo users, dev mode only */
  demoPassword: string | undefined;
  web: { host: string; port: number;
    /** where staff reach the web server (links in Tasklist forms: 办件轨迹) */
    publicUrl: string;
    /** the 工作台's login session: idle timeout, and the secret that signs its cookie; failed logins one address may make at once (then 10 a minute) */
    session: { idleMinutes: number; secret: string; failuresPerAddress: number } };
  /** the credit platform: where records are pushed (none: they stay in shenpi) and queried */
  credit: { platformUrl: string | undefined; publicationUrl: string | undefined; queryUrl: string | undefined; token: string | undefined; timeoutMs: number };
  /** 审管衔接: where decisions go to the supervising departments */
  supervision: { url: string | undefined; token: string | undefined };
  /** the 12345 hotline platform: where 政务失信 complaints taken at the window are handed over */
  hotline12345: { url: string | undefined; token: string | undefined };
  /** the SMS gateway: notices to applicants (POST JSON with Idempotency-Key); without it they wait, not sent */
  sms: { url: string | undefined; token: string | undefined };
  outbox: { intervalMs: number; retryBaseMs: number; retryMaxMs: number; batchSize: number; publicationBatchSize: number; publicationDispatchers: number; reconcileIntervalMs: number };
  /** 时限: the office's UTC offset and the 电子监察 warning threshold */
  deadlines: { utcOffset: string; warningWorkingDays: number; officeHours: OfficePeriod[] };
  /** analysts are warned this many days before the last published day of the working-day calendar */
  calendar: { warningDays: number };
  /** the platform API (网上平台): per-client rate limits, body and attachment limits, dev demo key */
  platformApi: {
    ratePerMinute: number;
    rateBurst: number;
    queryFailuresPerHour: number;
    maxJsonBytes: number;
    maxAttachmentBytes: number;
    maxAttachments: number;
    attachmentTypes: string[];
    /** dev mode only: the demo client's key, printed at start */
    demoKey: string | undefined;
  };
  worker: {
    /** the nodes this process's workers poll, one worker set each (SHENPI_WORKER_ENGINE_URL; all nodes by default) */
    restUrls: string[];
    maxTasks: number;
    asyncResponseTimeoutMs: number;
    retries: number;
    retryTimeoutMs: number;
    shutdownTimeoutMs: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly variable: string, rule: string) {
    super(`环境变量 ${variable} 无效: ${rule}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function text(env: Env, name: string, fallback?: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? fallback : value;
}

/** SHENPI_HISTORY_CLEANUP_WINDOW "01:00-05:00" in the office's time (SHENPI_UTC_OFFSET), as the engine writes a time */
function historyCleanup(env: Env): Config['engine']['historyCleanup'] {
  const window = text(env, 'SHENPI_HISTORY_CLEANUP_WINDOW', '01:00-05:00')!;
  const match = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/.exec(window);
  if (!match || window.slice(0, 5) === window.slice(6)) throw new ConfigError('SHENPI_HISTORY_CLEANUP_WINDOW', `应为 HH:mm-HH:mm (办公地时间, 起止不同), 如 01:00-05:00, 实际为 "${window}"`);
  const zone = offset(env, 'SHENPI_UTC_OFFSET', '+08:00').replace(':', '');
  return {
    windowStart: `${window.slice(0, 5)}${zone}`,
    windowEnd: `${window.slice(6)}${zone}`,
    // the engine's own bounds: at most 500 instances per run, at most 8 jobs
    batchSize: integer(env, 'SHENPI_HISTORY_CLEANUP_BATCH_SIZE', 500, 1, 500),
    parallelism: integer(env, 'SHENPI_HISTORY_CLEANUP_PARALLELISM', 1, 1, 8),
  };
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `应为 ${min} 到 ${max} 之间的整数, 实际为 "${raw}"`);
  }
  return value;
}

function webSettings(env: Env): Config['web'] {
  const host = text(env, 'SHENPI_WEB_HOST', '127.0.0.1')!;
  const port = integer(env, 'SHENPI_WEB_PORT', 3000, 1, 65535);
  const publicUrl = (url(env, 'SHENPI_PUBLIC_WEB_URL', ['http:', 'https:']) ?? `http://${host}:${port}`).replace(/\/$/, '');
  // without a configured secret the cookie is signed with one of this run: a restart logs everyone out
  const session = {
    idleMinutes: integer(env, 'SHENPI_SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    secret: text(env, 'SHENPI_SESSION_SECRET') ?? randomBytes(32).toString('hex'),
    failuresPerAddress: integer(env, 'SHENPI_LOGIN_FAILURES_PER_ADDRESS', 100, 10, 1_000_000)!,
  };
  if (session.secret.length < 32) throw new ConfigError('SHENPI_SESSION_SECRET', '至少 32 个字符');
  return { host, port, publicUrl, session };
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = text(env, name);
  if (raw === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `不是合法的 URL: "${raw}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `协议应为 ${protocols.join(' 或 ')}, 实际为 ${parsed.protocol}`);
  }
  return raw.replace(/\/$/, '');
}

/** A comma-separated list of engine base URLs (SHENPI_ENGINE_URL, SHENPI_WORKER_ENGINE_URL). */
function urlList(env: Env, name: string): string[] | undefined {
  const raw = text(env, name);
  if (raw === undefined) return undefined;
  return raw.split(',').map((part) => part.trim()).filter(Boolean).map((part) => url({ [name]: part }, name, ['http:', 'https:'])!);
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw new ConfigError(name, `应为 true 或 false, 实际为 "${raw}"`);
}

/** Attachment types the platform API knows by their content (magic bytes). */
export const ATTACHMENT_TYPES = ['pdf', 'jpg', 'png', 'ofd'] as const;

function typeList(env: Env, name: string, fallback: string): string[] {
  const values = text(env, name, fallback)!.split(',').map((value) => value.trim().toLowerCase()).filter(Boolean);
  const unknown = values.filter((value) => !(ATTACHMENT_TYPES as readonly string[]).includes(value));
  if (values.length === 0 || unknown.length) throw new ConfigError(name, `应为以逗号分隔的 ${ATTACHMENT_TYPES.join('、')} 之一或多个, 实际为 "${env[name]}"`);
  return values;
}

function demoApiKey(env: Env): string {
  const key = text(env, 'SHENPI_DEMO_API_KEY', DEV_API_KEY)!;
  if (!/^spk_demo\.[A-Za-z0-9_-]{16,200}$/.test(key)) throw new ConfigError('SHENPI_DEMO_API_KEY', '应形如 spk_demo.<至少 16 个字母、数字、- 或 _>');
  return key;
}

function offset(env: Env, name: string, fallback: string): string {
  const value = text(env, name, fallback)!;
  if (!/^[+-](0\d|1[0-4]):[0-5]\d$/.test(value)) throw new ConfigError(name, `应为 UTC 偏移, 如 +08:00, 实际为 "${value}"`);
  return value;
}

function officeHours(env: Env, name: string): OfficePeriod[] {
  try {
    return parseOfficeHours(text(env, name, DEFAULT_OFFICE_HOURS)!);
  } catch (error) {
    throw new ConfigError(name, (error as Error).message);
  }
}

/**
 * The secret the web server and the engine share for single sign-on into Camunda's web apps:
 * SHENPI_ENGINE_SSO_SECRET when set (an external engine gets the same value), else derived from
 * SHENPI_SESSION_SECRET or, without one, from the admin password. Both are read from the
 * environment, so every process of one shenpi (supervisor, web server) derives the same value,
 * never a random one of its own.
 */
function ssoSecret(env: Env, admin: Credentials): string {
  const explicit = text(env, 'SHENPI_ENGINE_SSO_SECRET');
  if (explicit !== undefined && explicit.length < 32) throw new ConfigError('SHENPI_ENGINE_SSO_SECRET', '至少 32 个字符');
  return explicit ?? createHmac('sha256', text(env, 'SHENPI_SESSION_SECRET') ?? admin.password).update('shenpi camunda webapp sso').digest('hex');
}

/** Dev defaults are documented in the README; production mode has none. */
const DEV_PASSWORDS = { admin: 'shenpi-admin', service: 'shenpi-service', demo: 'shenpi-demo' };
/** The dev-mode demo platform client's key (client id `demo`); production seeds none. */
const DEV_API_KEY = 'spk_demo.shenpi-demo-platform-key';

function credentials(env: Env, mode: Mode, prefix: string, defaultUser: string, devPassword: string): Credentials {
  const username = text(env, `${prefix}_USER`, defaultUser)!;
  const password = text(env, `${prefix}_PASSWORD`, mode === 'dev' ? devPassword : undefined);
  if (password === undefined) {
    throw new ConfigError(`${prefix}_PASSWORD`, '生产模式 (SHENPI_MODE=production) 必须显式设置密码, 没有默认密码');
  }
  if (mode === 'production' && password.length < 12) {
    throw new ConfigError(`${prefix}_PASSWORD`, '生产模式下密码至少 12 个字符');
  }
  return { username, password };
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

export interface LogSettings {
  level: LogLevel;
  /** json, pretty, or undefined: readable on a terminal, JSON otherwise */
  format: 'json' | 'pretty' | undefined;
}

/**
 * SHENPI_LOG_LEVEL and SHENPI_LOG_FORMAT. The logger asks at each write (a logger is made at
 * import, before any configuration, and tests quieten it afterwards), so a bad value falls back
 * here; `loadConfig` refuses it at boot.
 */
export function logSettings(env: Env = process.env): LogSettings {
  const level = env.SHENPI_LOG_LEVEL as LogLevel | undefined;
  const format = env.SHENPI_LOG_FORMAT;
  return { level: level && LOG_LEVELS.includes(level) ? level : 'info', format: format === 'json' || format === 'pretty' ? format : undefined };
}

export function loadConfig(env: Env = process.env): Config {
  const level = text(env, 'SHENPI_LOG_LEVEL', 'info')!;
  if (!LOG_LEVELS.includes(level as LogLevel)) throw new ConfigError('SHENPI_LOG_LEVEL', `应为 ${LOG_LEVELS.join(', ')} 之一, 实际为 "${level}"`);
  const format = text(env, 'SHENPI_LOG_FORMAT', undefined);
  if (format !== undefined && format !== 'json' && format !== 'pretty') throw new ConfigError('SHENPI_LOG_FORMAT', `应为 json 或 pretty, 实际为 "${format}"`);
  const modeRaw = text(env, 'SHENPI_MODE', 'dev');
  if (modeRaw !== 'dev' && modeRaw !== 'production') {
    throw new ConfigError('SHENPI_MODE', `应为 dev 或 production, 实际为 "${modeRaw}"`);
  }
  const mode: Mode = modeRaw;
  const dataDir = path.resolve(PROJECT_ROOT, text(env, 'SHENPI_DATA_DIR', '.data')!);
  const engineHost = text(env, 'SHENPI_ENGINE_HOST', '127.0.0.1')!;
  const enginePort = integer(env, 'SHENPI_ENGINE_PORT', 8080, 1, 65535);
  const externalUrls = urlList(env, 'SHENPI_ENGINE_URL');
  const externalUrl = externalUrls?.[0];
  const nodes = externalUrls?.length ?? integer(env, 'SHENPI_ENGINE_NODES', 1, 1, 8);
  if (!externalUrls && enginePort + nodes - 1 > 65535) throw new ConfigError('SHENPI_ENGINE_NODES', `节点占用端口 ${enginePort} 起连续 ${nodes} 个, 超出 65535`);
  const engineBases = externalUrls ?? Array.from({ length: nodes }, (_unused, i) => `http://${engineHost}:${enginePort + i}`);
  const engineBase = engineBases[0]!;
  const restUrls = engineBases.map((base) => `${base}/engine-rest`);
  const historyTtl = text(env, 'SHENPI_HISTORY_TTL', 'P3650D')!;
  if (!/^P\d+D$/.test(historyTtl)) {
    throw new ConfigError('SHENPI_HISTORY_TTL', `应为 ISO 8601 天数, 如 P3650D, 实际为 "${historyTtl}"`);
  }
  const schema = (name: string, fallback: string): string => {
    const value = text(env, name, fallback)!;
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(value)) throw new ConfigError(name, '只能包含小写字母、数字和下划线');
    return value;
  };
  const appSchema = schema('SHENPI_DB_SCHEMA', 'shenpi');
  const engineSchema = schema('SHENPI_ENGINE_DB_SCHEMA', 'camunda');
  if (appSchema === engineSchema) throw new ConfigError('SHENPI_ENGINE_DB_SCHEMA', '不能与 SHENPI_DB_SCHEMA 相同');

  const admin = credentials(env, mode, 'SHENPI_ADMIN', 'admin', DEV_PASSWORDS.admin);
  return {
    mode,
    dataDir,
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    embeddedPostgresPort: integer(env, 'SHENPI_PG_PORT', 54329, 1, 65535),
    appSchema,
    engineSchema,
    engine: {
      host: engineHost,
      port: enginePort,
      externalUrl,
      restUrl: `${engineBase}/engine-rest`,
      webappUrl: `${engineBase}/camunda`,
      nodes,
      restUrls,
      javaOpts: text(env, 'SHENPI_JAVA_OPTS', '-Xms256m -Xmx2g -XX:+UseSerialGC -XX:TieredStopAtLevel=1')!,
      startTimeoutMs: integer(env, 'SHENPI_ENGINE_START_TIMEOUT', 240, 10, 3600) * 1000,
      historyTtl,
      historyCleanup: historyCleanup(env),
      jobExecution: flag(env, 'SHENPI_JOB_EXECUTOR', true),
      jobsPerAcquisition: integer(env, 'SHENPI_JOBS_PER_ACQUISITION', 10, 1, 100),
      ssoSecret: ssoSecret(env, admin),
    },
    admin,
    service: credentials(env, mode, 'SHENPI_SERVICE', 'shenpiService', DEV_PASSWORDS.service),
    demoPassword: mode === 'dev' ? text(env, 'SHENPI_DEMO_PASSWORD', DEV_PASSWORDS.demo) : undefined,
    web: webSettings(env),
    credit: {
      platformUrl: url(env, 'SHENPI_CREDIT_PLATFORM_URL', ['http:', 'https:']),
      publicationUrl: url(env, 'SHENPI_PUBLICATION_URL', ['http:', 'https:']),
      queryUrl: url(env, 'SHENPI_CREDIT_QUERY_URL', ['http:', 'https:']),
      token: text(env, 'SHENPI_CREDIT_PLATFORM_TOKEN'),
      timeoutMs: integer(env, 'SHENPI_CREDIT_TIMEOUT_MS', 10000, 100, 120000),
    },
    outbox: {
      intervalMs: integer(env, 'SHENPI_OUTBOX_INTERVAL_MS', 2000, 50, 3600000),
      retryBaseMs: integer(env, 'SHENPI_OUTBOX_RETRY_MS', 5000, 10, 3600000),
      retryMaxMs: integer(env, 'SHENPI_OUTBOX_RETRY_MAX_MS', 900000, 10, 86400000),
      batchSize: integer(env, 'SHENPI_OUTBOX_BATCH', 20, 1, 1000),
      publicationBatchSize: integer(env, 'SHENPI_PUBLICATION_BATCH', 5000, 1, 10000),
      publicationDispatchers: integer(env, 'SHENPI_PUBLICATION_DISPATCHERS', 2, 1, 8),
      reconcileIntervalMs: integer(env, 'SHENPI_RECONCILE_INTERVAL_MS', 3_600_000, 10_000, 86_400_000),
    },
    supervision: {
      url: url(env, 'SHENPI_SUPERVISION_URL', ['http:', 'https:']),
      token: text(env, 'SHENPI_SUPERVISION_TOKEN'),
    },
    sms: { url: url(env, 'SHENPI_SMS_URL', ['http:', 'https:']), token: text(env, 'SHENPI_SMS_TOKEN') },
    hotline12345: {
      url: url(env, 'SHENPI_12345_URL', ['http:', 'https:']),
      token: text(env, 'SHENPI_12345_TOKEN'),
    },
    deadlines: {
      utcOffset: offset(env, 'SHENPI_UTC_OFFSET', '+08:00'),
      warningWorkingDays: integer(env, 'SHENPI_WARNING_WORKING_DAYS', 1, 0, 10),
      officeHours: officeHours(env, 'SHENPI_OFFICE_HOURS'),
    },
    calendar: { warningDays: integer(env, 'SHENPI_CALENDAR_WARNING_DAYS', 60, 1, 366) },
    platformApi: {
      ratePerMinute: integer(env, 'SHENPI_API_RATE_PER_MINUTE', 120, 1, 1_000_000),
      rateBurst: integer(env, 'SHENPI_API_RATE_BURST', 30, 1, 1_000_000),
      queryFailuresPerHour: integer(env, 'SHENPI_API_QUERY_FAILURES_PER_HOUR', 10, 1, 10_000),
      maxJsonBytes: integer(env, 'SHENPI_API_MAX_JSON_BYTES', 262_144, 1024, 16_777_216),
      maxAttachmentBytes: integer(env, 'SHENPI_API_MAX_ATTACHMENT_BYTES', 10_485_760, 1024, 104_857_600),
      maxAttachments: integer(env, 'SHENPI_API_MAX_ATTACHMENTS', 20, 0, 100),
      attachmentTypes: typeList(env, 'SHENPI_API_ATTACHMENT_TYPES', ATTACHMENT_TYPES.join(',')),
      demoKey: mode === 'dev' ? demoApiKey(env) : undefined,
    },
    worker: {
      restUrls: (urlList(env, 'SHENPI_WORKER_ENGINE_URL') ?? engineBases).map((base) => `${base}/engine-rest`),
      maxTasks: integer(env, 'SHENPI_WORKER_MAX_TASKS', 10, 1, 1000),
      asyncResponseTimeoutMs: integer(env, 'SHENPI_WORKER_LONG_POLL_MS', 20000, 0, 120000),
      retries: integer(env, 'SHENPI_WORKER_RETRIES', 3, 0, 100),
      retryTimeoutMs: integer(env, 'SHENPI_WORKER_RETRY_TIMEOUT_MS', 5000, 0, 3600000),
      shutdownTimeoutMs: integer(env, 'SHENPI_WORKER_SHUTDOWN_MS', 10000, 0, 600000),
    },
  };
}
