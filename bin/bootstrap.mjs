#!/usr/bin/env node
// `npm start` and `npm test` on a fresh clone: checks Node, installs what is missing, then runs
// the real command with TypeScript loaded. Plain JavaScript: nothing is installed yet when it runs.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const command = process.argv[2];

const major = Number(process.versions.node.split('.')[0]);
if (major < 20) {
  console.error(`✘ Node.js ${process.versions.node} 太旧, shenpi 需要 Node.js 20 或更高\n  → 请安装 Node.js 20 LTS`);
  process.exit(1);
}

const mtime = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);
const installed = path.join(root, 'node_modules', '.package-lock.json');
if (mtime(installed) < Math.max(mtime(path.join(root, 'package.json')), mtime(path.join(root, 'package-lock.json')))) {
  console.log('▶ 安装 npm 依赖 …');
  const started = Date.now();
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('✘ npm install 失败\n  → 请检查网络能否访问 npm 仓库, 然后重新运行');
    process.exit(1);
  }
  console.log(`✔ 安装 npm 依赖 (${((Date.now() - started) / 1000).toFixed(1)}s)`);
}

function run(args) {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: root, stdio: 'inherit' });
  // Ctrl-C reaches the child directly (same process group); SIGTERM/SIGHUP are passed on.
  process.on('SIGINT', () => undefined);
  for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

let code;
if (command === 'start') {
  code = await run(['bin/start.ts']);
} else if (command === 'test') {
  console.log('▶ 类型检查 (tsc --noEmit, 服务端与建模器前端) …');
  for (const project of [root, path.join(root, 'modeler', 'app')]) {
    const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project], { cwd: root, stdio: 'inherit' });
    if (tsc.status !== 0) {
      console.error(`✘ 类型检查失败 (${path.relative(root, project) || '.'})`);
      process.exit(1);
    }
  }
  // the engine jar and the web apps are built here, before mocha: a first build (an empty Maven
  // repository downloads ~100 MB; Vite) must not run inside a test's timeout
  for (const build of ['bin/build-engine.ts', 'bin/build-apps.ts']) {
    const built = await run([build]);
    if (built !== 0) process.exit(built);
  }
  code = await run([path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js'), ...process.argv.slice(3)]);
} else {
  console.error('用法: node bin/bootstrap.mjs start|test');
  code = 2;
}
process.exit(code);
