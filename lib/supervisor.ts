// Runs a part of shenpi (the web server, the workers) as a Node child process of its own and
// keeps it running: a crash restarts that child alone, after a backoff that grows with each
// crash in a row, and is logged with its cause (exit code or signal, the last lines it wrote to
// stderr). Crashing again and again (a crash loop) gives up with a message saying what to do.
import { fork, type ChildProcess } from 'node:child_process';
import type { Logger } from './log.js';

export interface SupervisedOptions {
  /** name in logs and messages: "web", "workers" */
  name: string;
  /** the child's entry point (a .ts file, run with tsx) */
  script: string;
  env: NodeJS.ProcessEnv;
  log: Logger;
  /** first restart delay, doubled per crash in a row up to maxBackoffMs */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** this many crashes within crashWindowMs is a crash loop */
  maxCrashes?: number;
  crashWindowMs?: number;
  /** the child crashed in a loop: the supervisor stops everything */
  onGiveUp(message: string): void;
}

export interface Supervised {
  /** resolves when the first start reported ready */
  ready: Promise<void>;
  readonly pid: number | undefined;
  restarts: number;
  stop(): Promise<void>;
}

const STDERR_LINES = 20;

/** Forks `script`, waits for its 'ready' message, and restarts it when it dies unasked. */
export function supervise(options: SupervisedOptions): Supervised {
  const { name, log } = options;
  const backoffMs = options.backoffMs ?? 1_000;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const maxCrashes = options.maxCrashes ?? 5;
  const crashWindowMs = options.crashWindowMs ?? 60_000;
  let child: ChildProcess | undefined;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  const crashes: number[] = [];
  let inARow = 0;
  let markReady!: () => void;
  let failReady!: (error: Error) => void;
  const ready = new Promise<void>((resolve, reject) => { markReady = resolve; failReady = reject; });
  const state: Supervised = { ready, get pid() { return child?.pid; }, restarts: 0, stop };

  function start(): void {
    const lastLines: string[] = [];
    const started = Date.now();
    child = fork(options.script, [], {
      execArgv: ['--import', 'tsx'],
      env: options.env,
      // its own process group: Ctrl-C reaches the supervisor, which stops the children in order
      detached: true,
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      lastLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      lastLines.splice(0, Math.max(0, lastLines.length - STDERR_LINES));
    });
    child.on('message', (message) => {
      if (message === 'ready') markReady();
    });
    child.once('exit', (code, signal) => {
      child = undefined;
      if (stopping) return;
      const now = Date.now();
      crashes.push(now);
      while (crashes.length && crashes[0]! < now - crashWindowMs) crashes.shift();
      // a child that ran a while before dying starts its backoff afresh
      inARow = now - started > crashWindowMs ? 1 : inARow + 1;
      const cause = { process: name, code, signal, ranForMs: now - started, lastStderr: lastLines.slice(-5).join('\n') || undefined };
      if (crashes.length >= maxCrashes) {
        const message = `${name} 进程在 ${Math.round(crashWindowMs / 1000)} 秒内崩溃了 ${crashes.length} 次, 不再重启。请查看上面的日志找出原因 (配置、数据库或引擎是否可用), 修正后重新运行 npm start`;
        log.error('crash loop: giving up', cause);
        failReady(new Error(message));
        options.onGiveUp(message);
        return;
      }
      const delay = Math.min(maxBackoffMs, backoffMs * 2 ** (inARow - 1));
      log.error(`${name} process died, restarting it in ${delay} ms`, cause);
      timer = setTimeout(() => {
        state.restarts += 1;
        start();
      }, delay);
    });
  }

  async function stop(): Promise<void> {
    stopping = true;
    clearTimeout(timer);
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill('SIGTERM');
    const kill = setTimeout(() => running.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(kill);
  }

  // last resort if the supervisor ends without stopping its children
  process.once('exit', () => child?.kill('SIGKILL'));
  start();
  return state;
}

/** In a supervised child: tell the supervisor we are up, and stop cleanly on SIGTERM/SIGINT. */
export function runSupervisedChild(log: Logger, stop: () => Promise<void>): void {
  process.send?.('ready');
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      stop().then(() => process.exit(0), (error: unknown) => {
        log.error('stopping failed', { error });
        process.exit(1);
      });
    });
  }
  // the supervisor is gone (killed): do not run on as an orphan
  process.on('disconnect', () => void stop().finally(() => process.exit(0)));
}
