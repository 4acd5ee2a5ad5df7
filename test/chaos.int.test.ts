import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { which } from './chaos/processes';

const redisServer = which('redis-server');
if (!redisServer) console.warn('[test] !!!!!!!! chaos test SKIPPED: redis-server is not installed (.ci/run installs it) !!!!!!!!');
const maybe = redisServer ? describe : describe.skip;

/** The compiled drill runs in its own process: it starts and kills processes and its own PostgreSQL and Redis. */
maybe('the chaos drill (short form; `npm run chaos` runs 10,000 deadlines)', () => {
  it('fires every step exactly once through worker kills, a Redis flush and restart, and dropped database connections', () => {
    const run = spawnSync(
      process.execPath,
      [path.resolve(__dirname, '..', 'dist', 'scripts', 'chaos.js'), '--deadlines', '2000', '--window', '20'],
      {
        encoding: 'utf8',
        timeout: 280_000,
      },
    );
    const summary = run.stdout
      .trim()
      .split('\n')
      .find((line) => line.startsWith('deadlines='));
    process.stdout.write(`\nchaos: ${summary ?? '(no summary)'}\n`);
    if (!summary) throw new Error(`the chaos drill printed no summary:\n${run.stderr}`);
    const values = Object.fromEntries(
      summary
        .split(' ')
        .map((pair) => pair.split('='))
        .map(([k, v]) => [k, Number(v)]),
    );
    expect(values.steps).toBeGreaterThan(6_000);
    expect(values.workerKills).toBeGreaterThanOrEqual(3);
    expect({ missing: values.missing, duplicated: values.duplicated }).toEqual({ missing: 0, duplicated: 0 });
    expect(run.status).toBe(0);
  }, 300_000);
});
