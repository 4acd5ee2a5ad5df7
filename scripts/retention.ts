/**
 * `npm run retention -- --dry-run --district <code>`: what the nightly retention run would sweep now, by record type
 * and count, without changing anything. Without `--dry-run` it runs the sweep now (the same run as the night's, resumed
 * if one ran today). `--district` takes a district code or id; without it, every district.
 */
import { openRuntime } from '../app/runtime';
import { loadConfigOrExit } from '../platform/config';
import { createLogger } from '../platform/logger';
import { dryRunRetention, runRetention } from '../workers/retention/retention-run';

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1]?.trim() || undefined : undefined;
}

async function main(args: string[]): Promise<void> {
  const config = loadConfigOrExit(process.env, { defaultNodeEnv: 'development', withoutSignIn: true });
  if (!config.databaseUrl) throw new Error('DATABASE_URL is required for npm run retention');
  const runtime = await openRuntime(config, config.databaseUrl, createLogger(config.logLevel, 'samverka-retention'), { poolSize: 2 });
  try {
    const wanted = option(args, '--district');
    const districts: { id: string; code: string }[] = await runtime.dataSource.query(
      `SELECT id::text, code FROM district WHERE $1::text IS NULL OR code = $1 OR id::text = $1 ORDER BY code`,
      [wanted ?? null],
    );
    if (!districts.length) throw new Error(`No district ${wanted}`);
    for (const district of districts) {
      const counts = args.includes('--dry-run')
        ? await dryRunRetention(runtime, district.id)
        : ((await runRetention(runtime, { districtId: district.id }))[0]?.counts ?? {});
      const lines = Object.entries(counts).map(([type, n]) => `  ${type}: ${n}`);
      process.stdout.write(`${district.code}${args.includes('--dry-run') ? ' (dry run)' : ''}\n${lines.join('\n') || '  nothing due'}\n`);
    }
  } finally {
    await runtime.close();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  });
}
