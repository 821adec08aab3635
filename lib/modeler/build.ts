// Bundles the web modeler (modeler/app/) with esbuild into modeler/dist/ (gitignored). Runs at
// start-up before the web server; skipped when the bundle is newer than its sources and the
// installed packages, so a restart costs nothing.
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config.js';

export const MODELER_SOURCES = [path.join(PROJECT_ROOT, 'modeler', 'app'), path.join(PROJECT_ROOT, 'modeler', 'lint')];
export const MODELER_DIST = path.join(PROJECT_ROOT, 'modeler', 'dist');
const ENTRY = path.join(PROJECT_ROOT, 'modeler', 'app', 'main.ts');
const OUTPUTS = ['index.html', 'modeler.js', 'modeler.css'];

/** The latest modification time under `target` (0 when it does not exist). */
export function newest(target: string): number {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(target).map((entry) => newest(path.join(target, entry))));
}

export function modelerIsStale(): boolean {
  const built = Math.min(...OUTPUTS.map((file) => newest(path.join(MODELER_DIST, file))));
  const sources = Math.max(...MODELER_SOURCES.map(newest), newest(path.join(PROJECT_ROOT, 'node_modules', '.package-lock.json')), newest(path.join(PROJECT_ROOT, 'lib', 'modeler', 'build.ts')));
  return built === 0 || built < sources;
}

export async function buildModeler(): Promise<void> {
  const { build } = await import('esbuild');
  fs.mkdirSync(MODELER_DIST, { recursive: true });
  await build({
    entryPoints: { modeler: ENTRY },
    outdir: MODELER_DIST,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'silent',
    loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file', '.png': 'file' },
    assetNames: 'assets/[name]-[hash]',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  fs.copyFileSync(path.join(PROJECT_ROOT, 'modeler', 'app', 'index.html'), path.join(MODELER_DIST, 'index.html'));
}
