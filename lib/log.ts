// Structured logs: one JSON object per line, so an operator can grep and ship them.
// On a terminal (npm start by hand) the same records are printed readably.
import { logSettings, type LogLevel } from './config.js';

export type { LogLevel };
export type LogFields = Record<string, unknown>;

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

function serialise(value: unknown): unknown {
  if (value instanceof Error) {
    return { name: value.name, message: value.message, stack: value.stack };
  }
  return value;
}

export function createLogger(base: LogFields = {}): Logger {
  const write = (level: LogLevel, msg: string, fields?: LogFields): void => {
    const settings = logSettings();
    if (ORDER[level] < ORDER[settings.level]) return;
    const record: LogFields = { time: new Date().toISOString(), level, ...base, msg };
    for (const [key, value] of Object.entries(fields ?? {})) record[key] = serialise(value);
    const pretty = settings.format === 'pretty' || (settings.format === undefined && process.stdout.isTTY === true);
    const stream = level === 'error' || level === 'warn' ? process.stderr : process.stdout;
    if (pretty) {
      const { time, level: _l, msg: _m, ...rest } = record;
      const extra = Object.keys(rest).length ? ' ' + JSON.stringify(rest) : '';
      stream.write(`${String(time).slice(11, 19)} ${level.padEnd(5)} ${msg}${extra}\n`);
    } else {
      stream.write(JSON.stringify(record) + '\n');
    }
  };
  return {
    debug: (msg, fields) => write('debug', msg, fields),
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
    child: (fields) => createLogger({ ...base, ...fields }),
  };
}

export const log = createLogger();
