// Builds the 工作台 (workbench/, Vue 3 + Element Plus) with Vite into workbench/dist/ (gitignored).
// Runs at start-up before the web server, like the modeler's build; skipped when the build is
// newer than its sources and the installed packages, so a restart costs nothing.
import path from 'node:path';
import { PROJECT_ROOT } from '../config.js';
import { newest } from '../modeler/build.js';

const ROOT = path.join(PROJECT_ROOT, 'workbench');
export const WORKBENCH_DIST = path.join(ROOT, 'dist');
const SOURCES = [path.join(ROOT, 'src'), path.join(ROOT, 'index.html'), path.join(ROOT, 'vite.config.ts')];

export function workbenchIsStale(): boolean {
  const built = newest(path.join(WORKBENCH_DIST, 'index.html'));
  const sources = Math.max(...SOURCES.map(newest), newest(path.join(PROJECT_ROOT, 'node_modules', '.package-lock.json')), newest(path.join(PROJECT_ROOT, 'lib', 'workbench', 'build.ts')));
  return built === 0 || built < sources;
}

export async function buildWorkbench(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), root: ROOT, logLevel: 'warn' });
}
