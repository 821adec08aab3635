// `npm test`, before mocha: builds the engine jar when it is missing or older than engine/, so a
// first build (Maven downloading the engine's dependencies) never runs inside a test's timeout.
import path from 'node:path';
import os from 'node:os';
import { StartupError } from '../lib/errors.js';
import { buildEngineJar, engineJarIsStale } from '../lib/engine/launch.js';
import { consoleProgress } from '../lib/progress.js';

if (engineJarIsStale()) {
  try {
    await consoleProgress().step('构建引擎 (Maven, 首次需下载依赖)', (tick) => buildEngineJar(path.join(os.tmpdir(), 'shenpi-engine-build'), tick));
  } catch (error) {
    console.error(error instanceof StartupError ? `✘ ${error.message}\n  → ${error.hint}` : error);
    process.exit(1);
  }
}
