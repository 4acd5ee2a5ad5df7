/** `npm start` and the browser tests build the web app when a source is newer than web/dist. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, fs.existsSync(path.resolve(__dirname, '../package.json')) ? '..' : '../..');
const WEB = path.join(ROOT, 'web');
const SOURCES = [
  'web/src',
  'web/index.html',
  'web/package.json',
  'web/vite.config.ts',
  'web/codegen.ts',
  'web/tsconfig.json',
  'schema/schema.graphql',
  'domain',
];

function newest(file: string): number {
  if (!fs.existsSync(file)) return 0;
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(file)
    .filter((name) => name !== 'gql')
    .reduce((latest, name) => Math.max(latest, newest(path.join(file, name))), stat.mtimeMs);
}

/** Written after a production build: a web/dist without it came from a development build (or an older checkout). */
const PRODUCTION_STAMP = path.join(WEB, 'dist', '.production-build');

export function webBuildIsStale(): boolean {
  if (!fs.existsSync(PRODUCTION_STAMP) || !fs.existsSync(path.join(WEB, 'dist', 'index.html'))) return true;
  const builtAt = fs.statSync(PRODUCTION_STAMP).mtimeMs;
  return SOURCES.some((source) => newest(path.join(ROOT, source)) > builtAt);
}

export function buildWebIfNeeded(log: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): void {
  if (!webBuildIsStale()) return;
  log('Building the web app (web/dist) …');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // Jest sets NODE_ENV=test, which would give Vite a development bundle (React's StrictMode checks, several times
  // slower): the browser tests must drive the bundle `npm start` serves, whoever built web/dist first.
  const result = spawnSync(npm, ['run', 'build', '-w', 'web'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`the web app does not build:\n${result.stdout}${result.stderr}`);
  fs.writeFileSync(PRODUCTION_STAMP, '');
}

if (require.main === module) {
  try {
    buildWebIfNeeded();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
