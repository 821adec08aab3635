// Typed reads of process variables; a missing or mistyped variable is a modelling error, so it
// fails the task with the variable's name (an incident in Cockpit says what to fix).
import type { Task } from 'camunda-external-task-client-js';

export class VariableError extends Error {
  /** a modelling error: retrying cannot help */
  readonly permanent = true;

  constructor(name: string, rule: string) {
    super(`流程变量 ${name} ${rule}`);
    this.name = 'VariableError';
  }
}

export function requireString(task: Task, name: string): string {
  const value = task.variables.get(name);
  if (typeof value !== 'string' || value === '') throw new VariableError(name, '缺失或不是文本');
  return value;
}

export function optionalString(task: Task, name: string): string | undefined {
  const value = task.variables.get(name);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new VariableError(name, '不是文本');
  return value;
}

export function requireInteger(task: Task, name: string): number {
  const value = task.variables.get(name);
  const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number)) throw new VariableError(name, '缺失或不是整数');
  return number;
}

export function optionalBoolean(task: Task, name: string): boolean {
  const value = task.variables.get(name);
  return value === true || value === 'true';
}

export function requireBusinessKey(task: Task): string {
  if (!task.businessKey) throw new VariableError('businessKey', '缺失: 启动办件时必须指定业务键 (调用活动须传递 businessKey)');
  return task.businessKey;
}

/** A JSON variable (an object), parsed whether the client hands it over as text or object. */
export function jsonVariable<T>(task: Task, name: string): T | undefined {
  const value = task.variables.get(name);
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') {
    try {
      return JSON.parse(value) as T;
    } catch {
      throw new VariableError(name, '不是有效的 JSON');
    }
  }
  return value as T;
}

/** Returned by a handler, becomes a java.util.List of strings: what multi-instance collections need. */
export class StringList {
  constructor(readonly values: string[]) {}
}
