// Every module folder's `module.ts`, found at build time.
import type { NavEntry, WorkbenchModule } from './types';

const found = import.meta.glob<{ module: WorkbenchModule }>('./*/module.ts', { eager: true });

export const modules: WorkbenchModule[] = Object.keys(found).sort().map((file) => found[file].module);
export const navEntries: NavEntry[] = modules.flatMap((module) => module.nav).sort((a, b) => a.order - b.order);
