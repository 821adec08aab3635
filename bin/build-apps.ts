// Builds the web apps (modeler, 工作台) when their sources changed, before the test run: the
// build then costs no spec its start-up time (npm start builds them itself, see bin/system.ts).
import { buildModeler, modelerIsStale } from '../lib/modeler/build.js';
import { consoleProgress } from '../lib/progress.js';
import { buildWorkbench, workbenchIsStale } from '../lib/workbench/build.js';

const progress = consoleProgress();
if (modelerIsStale()) await progress.step('构建 Web 建模器 (esbuild)', () => buildModeler());
if (workbenchIsStale()) await progress.step('构建工作台 (Vite)', () => buildWorkbench());
