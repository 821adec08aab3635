// validation.supplement: checks what the applicant supplied against the materials accepted as
// missing (容缺): by the clerk's confirmation at the window, or item by item from the API.
import { TOPICS } from '../../lib/process/topics.js';
import type { WorkerDefinition } from '../runtime/worker.js';
import { jsonVariable, optionalBoolean } from '../runtime/variables.js';

interface Pending { code: string; name: string; form: string; copies: number }
interface Supplied { code: string; form?: string; copies?: number }

export const worker: WorkerDefinition = {
  topic: TOPICS.validateSupplement,
  options: { lockDuration: 30_000, variables: ['pendingMaterials', 'suppliedMaterials', 'supplementAllProvided'] },
  template: { name: '核对容缺补正材料', description: '核对补交的容缺材料与尚缺材料', outputs: ['supplementComplete', 'pendingMaterials', 'supplementProblems'] },
  async handler({ task }) {
    const pending = jsonVariable<Pending[]>(task, 'pendingMaterials') ?? [];
    const supplied = jsonVariable<Supplied[]>(task, 'suppliedMaterials') ?? [];
    const atWindow = optionalBoolean(task, 'supplementAllProvided');
    const remaining = atWindow ? [] : pending.filter((material) => {
      const given = supplied.find((item) => item.code === material.code);
      return !given || (given.form !== undefined && material.form === '原件' && given.form !== '原件') || (given.copies !== undefined && given.copies < material.copies);
    });
    return {
      supplementComplete: remaining.length === 0,
      pendingMaterials: remaining,
      supplementProblems: remaining.length ? `仍缺: ${remaining.map((m) => `${m.name} (${m.form} ${m.copies} 份)`).join('; ')}` : null,
      // the next delivery starts from nothing
      suppliedMaterials: null,
      supplementAllProvided: false,
    };
  },
};
