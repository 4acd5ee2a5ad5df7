/** `npm start` and the browser tests build the web app when a source is newer than web/dist. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, fs.existsSync(path.resolve(__dirname, '../package.json')) ? '..' : '../..');
const WEB = path.join(ROOT, 'web');
const SOURCES = [
  'web/src', 'web/index.html', 'web/package.json', 'web/vite.config.ts', 'web/codegen.ts', 'web/tsconfig.json',
  'schema/schema.graphql', 'domain',
];

function newest(file: string): number {
  if (!fs.existsSync(file)) return 0;
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(file)
    .filter((name) => name !== 'gql')
    .reduce((latest, name) => Math.max(latest, newest(path.join(file, name))), stat.mtimeMs);
}

export function webBuildIsStale(): boolean {
  const built = path.join(WEB, 'dist', 'index.html');
  if (!fs.existsSync(built)) return true;
  const builtAt = fs.statSync(built).mtimeMs;
  return SOURCES.some((source) => newest(path.join(ROOT, source)) > builtAt);
}

export function buildWebIfNeeded(log: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): void {
  if (!webBuildIsStale()) return;
  log('Building the web app (web/dist) …');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build', '-w', 'web'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`the web app does not build:\n${result.stdout}${result.stderr}`);
}

if (require.main === module) {
  try {
    buildWebIfNeeded();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
