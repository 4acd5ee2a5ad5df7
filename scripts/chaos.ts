/**
 * `npm run chaos -- --deadlines 10000 --window 60 [--queue-backend postgres]`: the full chaos drill; prints one
 * summary line. The queues run on Redis unless `--queue-backend postgres` (what `npm start` uses without REDIS_URL).
 */
import { formatSummary, QueueBackendKind, runChaos } from '../test/chaos/chaos-runner';

function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

function queueBackend(): QueueBackendKind {
  const index = process.argv.indexOf('--queue-backend');
  const value = index >= 0 ? process.argv[index + 1] : 'redis';
  if (value !== 'redis' && value !== 'postgres') throw new Error(`--queue-backend is redis or postgres, not "${value}"`);
  return value;
}

async function main(): Promise<void> {
  const summary = await runChaos({
    deadlines: flag('deadlines', 10_000),
    windowMs: flag('window', 60) * 1000,
    faults: !process.argv.includes('--no-faults'),
    queueBackend: queueBackend(),
    only: process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1].split(',') : undefined,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(`${formatSummary(summary)}\n`);
  process.stderr.write(`process logs: ${summary.logDir}\n`);
  process.exit(summary.missing === 0 && summary.duplicated === 0 ? 0 : 1);
}

main().catch((error) => {
  process.stderr.write(`chaos failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
