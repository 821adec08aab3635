// Helpers for process tests on the real engine: start an instance, wait for it, read the path
// it took from history.
import type { EngineClient } from '../../lib/engine/client.js';
import { toVariables } from '../../lib/engine/client.js';

export async function startProcess(engine: EngineClient, key: string, variables: Record<string, unknown>, businessKey?: string): Promise<string> {
  const instance = await engine.post<{ id: string }>(`/process-definition/key/${key}/start`, { variables: toVariables(variables), businessKey });
  return instance.id;
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface HistoricActivity {
  activityId: string;
  activityType: string;
  endTime: string | null;
}

/** Activity ids in the order they happened (flows are not activities; gateways and events are). */
export async function pathTaken(engine: EngineClient, processInstanceId: string): Promise<string[]> {
  const activities = await engine.get<HistoricActivity[]>(`/history/activity-instance?processInstanceId=${processInstanceId}&sortBy=occurrence&sortOrder=asc`);
  return activities.map((a) => a.activityId);
}

export async function waitForEnd(engine: EngineClient, processInstanceId: string, timeoutMs = 30_000): Promise<{ state: string; endActivityId: string }> {
  return waitFor(`process instance ${processInstanceId} to end`, async () => {
    const instance = await engine.get<{ state: string; endActivityId: string | null }>(`/history/process-instance/${processInstanceId}`);
    return instance.state === 'ACTIVE' ? undefined : { state: instance.state, endActivityId: instance.endActivityId ?? '' };
  }, timeoutMs);
}

export async function variable(engine: EngineClient, processInstanceId: string, name: string): Promise<unknown> {
  const found = await engine.get<Array<{ value: unknown; type: string }>>(`/history/variable-instance?processInstanceId=${processInstanceId}&variableName=${name}&deserializeValues=false`);
  const value = found[0]?.value;
  return found[0]?.type === 'Json' && typeof value === 'string' ? JSON.parse(value) : value;
}
