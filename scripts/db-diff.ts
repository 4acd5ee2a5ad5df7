/**
 * Prints the SQL that would bring a migrated database in line with the
 * entities. Use it to draft a new migration: `npm run db:diff`.
 * The migration check test fails while this prints anything.
 */
import { createDataSource, runMigrations } from '../db/data-source';
import { loadConfigOrExit } from '../platform/config';

async function main(): Promise<void> {
  const url = process.argv[2] ?? loadConfigOrExit(process.env, { defaultNodeEnv: 'development', withoutSignIn: true }).databaseUrl;
  if (!url) throw new Error('Give a database URL as argument or DATABASE_URL');
  const dataSource = createDataSource({ url });
  await dataSource.initialize();
  await runMigrations(dataSource);
  const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
  for (const query of upQueries) process.stdout.write(`${query.query};\n`);
  await dataSource.destroy();
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
