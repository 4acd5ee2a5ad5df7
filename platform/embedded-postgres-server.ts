/** initdb and the postgres server from the embedded binaries, as the OS user the files say. */
import { ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ServerFiles } from './embedded-postgres-files';

const READY = 'database system is ready to accept connections';
/** English server messages: READY is what we wait for. */
const ENV = { ...process.env, LC_MESSAGES: 'C' };

/** The last lines a program wrote, for the error when it fails. */
export function tail(lines: string[], count = 5): string {
  return (
    lines
      .join('')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .slice(-count)
      .join(' | ') || 'no output'
  );
}

function launch(files: ServerFiles, program: string, args: string[], output: string[]): ChildProcess {
  const child = spawn(path.join(files.native, 'bin', program), args, { ...files.runAs, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString('utf8'));
    if (output.length > 50) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return child;
}

function cannotRun(program: string, error: NodeJS.ErrnoException): Error {
  return new Error(`cannot run ${program} (${error.code ?? error.message})`);
}

/** Creates the cluster: the data directory belongs to the server's OS user, the superuser signs in with a password. */
export async function initialiseCluster(files: ServerFiles, superuser: { user: string; password: string }): Promise<void> {
  fs.mkdirSync(files.dataDir, { recursive: true });
  if (files.runAs) fs.chownSync(files.dataDir, files.runAs.uid, files.runAs.gid);
  // Beside the data directory, which the server's user can reach (the temporary folder may be private).
  const passwordFile = path.join(path.dirname(files.dataDir), `.pwfile-${crypto.randomBytes(6).toString('hex')}`);
  fs.writeFileSync(passwordFile, `${superuser.password}\n`, { mode: 0o600, flag: 'wx' });
  try {
    if (files.runAs) fs.chownSync(passwordFile, files.runAs.uid, files.runAs.gid);
    const output: string[] = [];
    const initdb = launch(
      files,
      'initdb',
      [`--pgdata=${files.dataDir}`, '--auth=password', `--username=${superuser.user}`, `--pwfile=${passwordFile}`, '--lc-messages=C'],
      output,
    );
    await new Promise<void>((resolve, reject) => {
      initdb.once('error', (error) => reject(cannotRun('initdb', error)));
      initdb.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`initdb failed: ${tail(output)}`))));
    });
  } finally {
    fs.rmSync(passwordFile, { force: true });
  }
}

export interface PostgresProcess {
  stop(): Promise<void>;
}

/** Starts the server and resolves once it accepts connections; `output` keeps its last words. */
export function startServer(files: ServerFiles, port: number, output: string[]): Promise<PostgresProcess> {
  const server = launch(files, 'postgres', ['-D', files.dataDir, '-p', String(port)], output);
  const exited = new Promise<void>((resolve) => server.once('close', () => resolve()));
  // Safety net: the server does not outlive this process.
  const stopOnExit = () => server.kill('SIGINT');
  process.once('exit', stopOnExit);
  const handle: PostgresProcess = {
    async stop() {
      process.removeListener('exit', stopOnExit);
      if (server.exitCode === null && server.signalCode === null) server.kill('SIGINT');
      await exited;
    },
  };
  return new Promise((resolve, reject) => {
    server.stderr?.on('data', (chunk: Buffer) => {
      if (chunk.toString('utf8').includes(READY)) resolve(handle);
    });
    server.once('error', (error) => reject(cannotRun('postgres', error)));
    void exited.then(() => {
      process.removeListener('exit', stopOnExit);
      reject(new Error(tail(output)));
    });
  });
}
