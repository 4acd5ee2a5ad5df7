/**
 * `npm run admin:create -- <email> "<display name>" [--municipality "<name>"]`:
 * the first administrator of a fresh installation (or one more). Creates the
 * municipality and its central agency when they are missing; the account is
 * bound to the identity provider at its first sign-in, when the provider
 * vouches for the e-mail (`email_verified`). Idempotent.
 */
import { EntityManager } from 'typeorm';
import { createAppDataSource } from '../app/runtime';
import { AgencyKind, caseworkBesideAdmin, Role } from '../domain/access/roles';
import { loadConfigOrExit } from '../platform/config';

const USAGE = 'Usage: npm run admin:create -- <email> "<display name>" [--municipality "<name>"]';

export interface CreateAdminResult {
  readonly created: boolean;
  readonly municipality: string;
}

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1]?.trim() || undefined : undefined;
}

async function municipalityFor(manager: EntityManager, name: string | undefined): Promise<{ id: string; name: string }> {
  const all: { id: string; name: string }[] = await manager.query(`SELECT id, name FROM municipality ORDER BY name`);
  const match = name ? all.find((m) => m.name === name) : all.length === 1 ? all[0] : undefined;
  if (match) return match;
  if (!name) {
    throw new Error(
      all.length === 0
        ? `No municipality yet: name it with --municipality "<name>".\n${USAGE}`
        : `Several municipalities (${all.map((m) => m.name).join(', ')}): choose one with --municipality.`,
    );
  }
  const [created] = await manager.query(`INSERT INTO municipality (name) VALUES ($1) RETURNING id, name`, [name]);
  return created;
}

export async function createAdmin(
  manager: EntityManager,
  email: string,
  displayName: string,
  municipalityName?: string,
): Promise<CreateAdminResult> {
  const municipality = await municipalityFor(manager, municipalityName);
  let [agency] = await manager.query(`SELECT id FROM agency WHERE municipality_id = $1 AND kind = $2 ORDER BY created_at LIMIT 1`, [
    municipality.id,
    AgencyKind.MUNICIPALITY,
  ]);
  if (!agency) {
    [agency] = await manager.query(
      `INSERT INTO agency (municipality_id, name, kind, is_public_authority, duty_to_report, district_ids) VALUES ($1, $2, $3, true, true, '{}') RETURNING id`,
      [municipality.id, `${municipality.name} kommunledning`, AgencyKind.MUNICIPALITY],
    );
  }
  const [existing] = await manager.query(`SELECT id, roles FROM app_user WHERE lower(email) = $1 FOR UPDATE`, [email]);
  if (existing) {
    const casework = caseworkBesideAdmin([...existing.roles, Role.ADMIN]);
    if (casework.length)
      throw new Error(
        `${email} works with cases (${casework.join(', ')}); an administrator must not use the access it grants: choose another e-mail for the administrator.`,
      );
    await manager.query(
      `UPDATE app_user SET roles = (SELECT array_agg(DISTINCT r) FROM unnest(roles || ARRAY[$2]::text[]) r), disabled_at = NULL WHERE id = $1`,
      [existing.id, Role.ADMIN],
    );
    return { created: false, municipality: municipality.name };
  }
  await manager.query(`INSERT INTO app_user (agency_id, email, display_name, roles) VALUES ($1, $2, $3, $4)`, [
    agency.id,
    email,
    displayName,
    [Role.ADMIN],
  ]);
  return { created: true, municipality: municipality.name };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const [email, displayName] = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--municipality');
  if (!email || !displayName || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  const config = loadConfigOrExit(process.env, { defaultNodeEnv: 'development', withoutSignIn: true });
  if (!config.databaseUrl) throw new Error('DATABASE_URL is required for npm run admin:create');
  const dataSource = await createAppDataSource({ url: config.databaseUrl, poolSize: 1 }).initialize();
  try {
    const result = await dataSource.transaction((manager) =>
      createAdmin(manager, email.trim().toLowerCase(), displayName.trim(), option(args, '--municipality')),
    );
    process.stdout.write(
      `${result.created ? 'Created' : 'Made'} ${email} an administrator of ${result.municipality}.\n` +
        'Sign in through your identity provider with that e-mail (the provider must mark it verified); the first sign-in binds the account.\n',
    );
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`Could not create the administrator: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
