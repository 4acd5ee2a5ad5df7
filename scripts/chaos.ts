/** `npm run chaos -- --deadlines 10000 --window 60`: the full chaos drill; prints one summary line. */
import { formatSummary, runChaos } from '../test/chaos/chaos-runner';

function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

async function main(): Promise<void> {
  const summary = await runChaos({
    deadlines: flag('deadlines', 10_000),
    windowMs: flag('window', 60) * 1000,
    faults: !process.argv.includes('--no-faults'),
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
