/** `npm run migrate`: applies pending migrations, then exits (the one-shot service in docker-compose). */
import { runMigrations } from '../db/data-source';
import { createAppDataSource } from '../app/runtime';
import { asSystem } from '../db/access/row-scope';
import { grantApplicationRole, grantSystemRole } from '../db/roles';
import { prepareQueueSchema } from '../platform/queues/queue-backend';
import { seedDemo } from '../db/seed/demo-seed';
import { loadConfigOrExit } from '../platform/config';
import { describeStartFailure } from '../platform/lifecycle';

async function main(): Promise<void> {
  const config = loadConfigOrExit(process.env, { defaultNodeEnv: 'development', withoutSignIn: true });
  if (!config.databaseUrl) throw new Error('DATABASE_URL is required for npm run migrate');
  const dataSource = createAppDataSource({ url: config.databaseUrl });
  await dataSource.initialize();
  const applied = await runMigrations(dataSource);
  process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'The database is up to date.\n');
  await prepareQueueSchema(config.databaseUrl);
  // The API and the workers connect as this role (DATABASE_URL of those services); it gets row access only.
  const appRole = process.env.DATABASE_APP_ROLE?.trim();
  const systemRole = process.env.DATABASE_SYSTEM_ROLE?.trim();
  if (appRole && appRole === systemRole)
    throw new Error("DATABASE_APP_ROLE and DATABASE_SYSTEM_ROLE must be two roles: the API's must not take system scope");
  if (appRole) {
    await grantApplicationRole(dataSource, appRole);
    process.stdout.write(`Granted the application role ${appRole} its row access.\n`);
  }
  // System work (workers, the viewer lookup, existence checks) connects as this role (DATABASE_SYSTEM_URL): row access and system scope.
  if (systemRole) {
    await grantSystemRole(dataSource, systemRole);
    process.stdout.write(`Granted the system role ${systemRole} its row access and system scope.\n`);
  }
  if (process.argv.includes('--seed-demo')) {
    const { seeded } = await asSystem(dataSource, (m) => seedDemo(m));
    process.stdout.write(seeded ? 'Demo municipality seeded.\n' : 'Demo municipality already present.\n');
  }
  await dataSource.destroy();
}

main().catch((error) => {
  process.stderr.write(`Migration failed: ${describeStartFailure(error)}\n`);
  process.exit(1);
});
