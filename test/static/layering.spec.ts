// Layers point down (conventions, rule 12): every .ts file's imports are read (static, type-only,
// re-exports, side-effect and dynamic imports; comments skipped) and each folder may import only
// the folders below it. lib/ is the ground floor, and has no import cycle inside.
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../lib/config.js';

/** Which folders a folder's files may import, besides its own. Absent: anything. */
const MAY_IMPORT: Record<string, string[]> = {
  lib: [],
  workers: ['lib'],
  api: ['lib'],
  migrations: ['lib'],
  // the web modeler runs the server's lint rules in the browser, and knows the forms' layout
  'modeler/app': ['lib/modeler/lint', 'lib/forms/folders.ts'],
  // the 工作台 takes the tasklist's styles from the engine's web apps, checks identifiers' check
  // digits as you type with the server's own rules, and reads the task panel's wire format
  workbench: ['engine', 'lib/validation/identifier-fields', 'lib/workbench/case-context'],
  // the composition root: the only place that wires api/ and workers/ together
  bin: ['lib', 'api', 'workers', 'migrations'],
  bench: ['lib', 'workers', 'bin', 'test'],
  types: [],
};

const LAYERS = Object.keys(MAY_IMPORT).sort((a, b) => b.length - a.length);
const layerOf = (file: string): string => LAYERS.find((layer) => file === layer || file.startsWith(`${layer}/`)) ?? file.split('/')[0]!;

export type ImportGraph = Map<string, string[]>;

/** The module specifiers a TypeScript source imports or re-exports. */
export function specifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const statements = /^\s*(?:import|export)\b[^;'"`]*?\bfrom\s*(['"])([^'"]+)\1|^\s*import\s*(['"])([^'"]+)\3|\bimport\(\s*(['"])([^'"]+)\5\s*\)/gm;
  return [...code.matchAll(statements)].map((match) => match[2] ?? match[4] ?? match[6]!);
}

/** The project's .ts files (as git sees them) and the project files each imports. */
export function importGraph(root: string): ImportGraph {
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '--', '*.ts', '*.mts'], { cwd: root, encoding: 'utf8' })
    .split('\n').filter((file) => file && !file.startsWith('node_modules/') && fs.existsSync(path.join(root, file)));
  const graph: ImportGraph = new Map();
  for (const file of files) {
    graph.set(file, specifiers(fs.readFileSync(path.join(root, file), 'utf8')).filter((name) => name.startsWith('.'))
      .map((name) => path.posix.normalize(path.posix.join(path.posix.dirname(file), name)).replace(/\.js$/, '.ts')));
  }
  return graph;
}

/** Imports from a folder into one it may not import: `from → to`. */
export function layerViolations(graph: ImportGraph): string[] {
  const found: string[] = [];
  for (const [file, targets] of graph) {
    const layer = layerOf(file);
    const allowed = MAY_IMPORT[layer];
    if (!allowed) continue;
    for (const target of targets) {
      if (layerOf(target) === layer || allowed.some((below) => target === below || target.startsWith(`${below}/`))) continue;
      found.push(`${file} → ${target}`);
    }
  }
  return found;
}

/** Import cycles among the files under `folder` (strongly connected components, Tarjan). */
export function importCycles(graph: ImportGraph, folder: string): string[][] {
  const inside = (file: string) => file.startsWith(`${folder}/`) && graph.has(file);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file)!.filter(inside)) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let top: string;
    do {
      top = stack.pop()!;
      onStack.delete(top);
      component.push(top);
    } while (top !== file);
    if (component.length > 1 || graph.get(file)!.includes(file)) cycles.push(component.sort());
  };
  for (const file of [...graph.keys()].filter(inside).sort()) if (!index.has(file)) visit(file);
  return cycles;
}

describe('layering (static)', () => {
  const graph = importGraph(PROJECT_ROOT);

  it('should parse the imports of lib/, workers/, api/ and bin/', () => {
    for (const layer of ['lib/', 'workers/', 'api/', 'bin/']) expect([...graph.keys()].some((file) => file.startsWith(layer)), layer).to.equal(true);
    expect(graph.get('bin/start.ts')).to.include('bin/system.ts');
  });

  it('should NOT let a folder import a folder above it (lib imports neither api/, workers/, modeler/app nor bin/)', () => {
    expect(layerViolations(graph)).to.deep.equal([]);
  });

  it('should NOT have an import cycle within lib/', () => {
    expect(importCycles(graph, 'lib')).to.deep.equal([]);
  });

  describe('the checks themselves', () => {
    it('should read every kind of import, and NOT one in a comment', () => {
      const source = [
        "import fs from 'node:fs';",
        "import type { A,\n  B } from './a.js';",
        "export { c } from '../c.js';",
        "import './side-effect.css';",
        "// import { x } from './commented.js';",
        "const d = await import('./d.js');",
      ].join('\n');
      expect(specifiers(source)).to.deep.equal(['node:fs', './a.js', '../c.js', './side-effect.css', './d.js']);
    });

    it('should find an upward import and a cycle', () => {
      const planted: ImportGraph = new Map([
        ['lib/a.ts', ['lib/b.ts', 'workers/index.ts']],
        ['lib/b.ts', ['lib/a.ts']],
        ['workers/index.ts', ['lib/a.ts']],
      ]);
      expect(layerViolations(planted)).to.deep.equal(['lib/a.ts → workers/index.ts']);
      expect(importCycles(planted, 'lib')).to.deep.equal([['lib/a.ts', 'lib/b.ts']]);
    });
  });
});
