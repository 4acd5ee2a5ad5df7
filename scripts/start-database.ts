import { asSystem } from '../db/access/row-scope';
import { runMigrations } from '../db/data-source';
import { createAppDataSource } from '../app/runtime';
import { DEVELOPMENT_ROLES, prepareLocalRoles } from '../db/roles';
import { seedDemoCase } from '../db/seed/demo-case';
import { seedDemo } from '../db/seed/demo-seed';
import { seedDemoHistory } from '../db/seed/demo-history';
import { Logger } from '../platform/logger';
import { prepareQueueSchema } from '../platform/queues/queue-backend';

/**
 * As the owner: migrations, the demo seed, and on the embedded database the
 * two roles the platform then connects as (the application role serves
 * requests under row-level security, the system role runs system work), as
 * in production. A DATABASE_URL of your own is used as given, with
 * DATABASE_SYSTEM_URL beside it when you set one.
 */
export async function prepareDevelopmentDatabase(
  ownerUrl: string,
  embedded: boolean,
  logger: Logger,
): Promise<{ seeded: boolean; appUrl: string; systemUrl?: string }> {
  const owner = await createAppDataSource({ url: ownerUrl, poolSize: 2 }).initialize();
  try {
    const applied = await runMigrations(owner);
    if (applied.length) logger.info({ applied }, 'migrations applied');
    const { seeded } = await asSystem(owner, (manager) => seedDemo(manager));
    if (seeded) {
      const { reference } = await asSystem(owner, (manager) => seedDemoCase(manager, new Date()));
      const history = await asSystem(owner, (manager) => seedDemoHistory(manager, new Date()));
      logger.info({ collaborationCase: reference, historyTalks: history.talks }, 'demo municipality seeded');
    }
    if (!embedded) return { seeded, appUrl: ownerUrl };
    await prepareQueueSchema(ownerUrl);
    return { seeded, ...(await prepareLocalRoles(owner, ownerUrl, DEVELOPMENT_ROLES)) };
  } finally {
    await owner.destroy();
  }
}
