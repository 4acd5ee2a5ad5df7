import fs from 'node:fs';
import path from 'node:path';
import { getMetadataArgsStorage } from 'typeorm';
import { ModuleClocks } from '../domain/deadlines/deadline-kinds';
import { DEADLINE_KINDS, DEADLINE_SUBJECTS } from '../platform/deadlines/deadline-clocks';
import { moduleFiles } from '../platform/module-files';
import { DEFAULT_DISTRICT_POLICY, DISTRICT_SETTINGS } from '../platform/districts/district-settings';
import { PLATFORM_QUEUES } from '../platform/queues/queue-names';
import { createTestDatabase, TestDatabase } from '../test/helpers/test-database';
import { ModuleDescriptor } from './module-descriptor';
import { MODULES } from './modules';
import { registryOf } from './registry';

/** Every module is asked the same questions; a new module that forgets a part of its descriptor fails here. */

const ROOT = path.resolve(__dirname, '..');
const LAYERS = ['api', 'db', 'domain', 'schema', 'workers'];

function filesUnder(dir: string, suffix: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(suffix) && !file.includes('.test.'))
    .map((file) => path.join(ROOT, dir, file));
}

/** What each module claims of one kind of thing, to find things claimed by none or by two. */
function owners<T>(claim: (m: ModuleDescriptor) => readonly T[] | undefined): Map<T, string[]> {
  const map = new Map<T, string[]>();
  for (const m of MODULES) for (const item of claim(m) ?? []) map.set(item, [...(map.get(item) ?? []), m.name]);
  return map;
}

function expectEachOwnedOnce<T>(all: readonly T[], claim: (m: ModuleDescriptor) => readonly T[] | undefined, label: (item: T) => string) {
  const claimed = owners(claim);
  const problems = all.flatMap((item) => {
    const by = claimed.get(item) ?? [];
    return by.length === 1 ? [] : [`${label(item)}: ${by.length ? `claimed by ${by.join(' and ')}` : 'in no module'}`];
  });
  expect(problems).toEqual([]);
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- every file of a kind, found on disk
const exportsOf = (files: readonly string[]) => files.flatMap((file) => Object.values(require(file) as Record<string, unknown>));
const nameOf = (item: unknown) => (item as { name?: string }).name ?? String(item);

describe('every module', () => {
  it('is listed once, under the name of its folders', () => {
    expect(() => registryOf(MODULES)).not.toThrow();
    const foldersOf = (name: string) => LAYERS.filter((layer) => fs.existsSync(path.join(ROOT, layer, name)));
    expect(MODULES.filter((m) => m.name !== 'platform' && foldersOf(m.name).length === 0).map((m) => m.name)).toEqual([]);
  });

  it('lists its entities: every entity of db/ is in exactly one module', () => {
    const entities = exportsOf(filesUnder('db', '.entity.ts')).filter(
      (e): e is Function => typeof e === 'function' && e.name.endsWith('Entity'),
    );
    expect(entities.length).toBeGreaterThan(20);
    expectEachOwnedOnce(entities, (m) => m.entities, nameOf);
  });

  it("lists its migrations: every migration (db/migrations, db/<m>/migrations) is in exactly one module, a module's own in its folder", () => {
    const files = filesUnder('db', '.ts').filter((file) => /[/\\]migrations[/\\]\d{13}-[^/\\]+\.ts$/.test(file));
    const fileOf = new Map(files.flatMap((file) => exportsOf([file]).map((e) => [e, file] as const)));
    const ownFolder = (name: string) => `${path.sep}db${path.sep}${name}${path.sep}migrations${path.sep}`;
    // The platform's migrations made several modules' tables at once: they stay in db/migrations.
    for (const m of MODULES.filter((m) => m.name !== 'platform')) {
      const outside = (m.migrations ?? []).filter((migration) => !fileOf.get(migration)?.includes(ownFolder(m.name)));
      expect({ module: m.name, outside: outside.map(nameOf) }).toEqual({ module: m.name, outside: [] });
    }
    const migrations = exportsOf(files).filter((e): e is Function => typeof e === 'function' && /\d{13}$/.test(e.name));
    expect(migrations.length).toBeGreaterThan(10);
    expectEachOwnedOnce(migrations, (m) => m.migrations, nameOf);
  });

  it('lists its resolvers: every resolver class of api/ is in exactly one module', () => {
    const resolvers = exportsOf(filesUnder('api', '.resolver.ts')).filter(
      (e): e is Function => typeof e === 'function' && e.name.endsWith('Resolver'),
    );
    expect(resolvers.length).toBeGreaterThan(20);
    expectEachOwnedOnce(resolvers, (m) => m.resolvers, nameOf);
  });

  it('claims the clocks it starts: every deadline kind and subject belongs to exactly one module', () => {
    expectEachOwnedOnce(Object.keys(DEADLINE_KINDS), (m) => m.deadlineKinds, String);
    expectEachOwnedOnce(Object.keys(DEADLINE_SUBJECTS), (m) => m.deadlineSubjects, String);
    // A module claims exactly the clocks its domain/<m>/<m>.clocks.ts declares.
    const files = moduleFiles('clocks');
    for (const m of MODULES) {
      const file = Object.keys(files).find((f) => f.includes(`${path.sep}${m.name}${path.sep}${m.name}.clocks.`));
      const clocks = (file ? files[file][`${m.name.toUpperCase()}_CLOCKS`] : {}) as ModuleClocks;
      expect({ module: m.name, kinds: Object.keys(clocks.kinds ?? {}), subjects: Object.keys(clocks.subjects ?? {}) }).toEqual({
        module: m.name,
        kinds: m.deadlineKinds ?? [],
        subjects: m.deadlineSubjects ?? [],
      });
    }
  });

  it('runs the queues it names: each queue has its worker in exactly one module, the queues the platform fills too', () => {
    const named = MODULES.flatMap((m) => (m.queues ?? []).map((q) => q.queue));
    expectEachOwnedOnce(
      [...new Set([...named, PLATFORM_QUEUES.deadlineSteps, PLATFORM_QUEUES.outbox])],
      (m) => m.queues?.map((q) => q.queue),
      String,
    );
    // Names live on in Redis and PostgreSQL: the queues of today keep theirs.
    expect([...named, PLATFORM_QUEUES.maintenance]).toEqual(
      expect.arrayContaining(['deadline-steps', 'outbox', 'maintenance', 'retention', 'indicators']),
    );
  });

  it('declares the district settings its rules read: every setting belongs to exactly one module', () => {
    expectEachOwnedOnce(Object.keys(DISTRICT_SETTINGS), (m) => Object.keys(m.districtSettings ?? {}), String);
  });

  it('hands over the same declaration the policy is built from (default, bounds, ceiling, reference)', () => {
    const handed = MODULES.flatMap((m) => Object.entries(m.districtSettings ?? {}));
    for (const [field, declaration] of handed) {
      expect({ field, same: declaration === (DISTRICT_SETTINGS as Record<string, unknown>)[field] }).toEqual({ field, same: true });
      expect({ field, reference: declaration.reference.trim().length > 0 }).toEqual({ field, reference: true });
    }
    expect(handed.length).toBe(Object.keys(DISTRICT_SETTINGS).length);
  });
});

/** Tables with a district column that hold no person's data. */
const NOT_PERSONAL = new Set(['district_policy']);

const tableOf = (entity: Function) => getMetadataArgsStorage().tables.find((t) => t.target === entity)?.name;
const hasColumn = (entity: Function, names: readonly string[]) =>
  getMetadataArgsStorage().columns.some((c) => c.target === entity && names.includes(c.propertyName));

describe("every module's tables", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  it("with a district or a child column are declared as the module's personal data", () => {
    const undeclared = MODULES.flatMap((m) =>
      (m.entities ?? [])
        .filter((entity) => hasColumn(entity, ['districtId', 'childId']))
        .map((entity) => tableOf(entity)!)
        .filter((table) => !NOT_PERSONAL.has(table) && !m.personalData?.some((p) => p.table === table))
        .map((table) => `${m.name}: ${table}`),
    );
    expect(undeclared).toEqual([]);
  });

  it("declared as personal data are the module's own", () => {
    const foreign = MODULES.flatMap((m) =>
      (m.personalData ?? [])
        .filter((p) => !(m.entities ?? []).some((entity) => tableOf(entity) === p.table))
        .map((p) => `${m.name}: ${p.table}`),
    );
    expect(foreign).toEqual([]);
  });

  it("declared as personal data are in the module's section of a register extract (GDPR art. 15)", () => {
    // A user's own rows (messages, keys, sessions) are the staff member's, not the child's.
    expect(MODULES.filter((m) => m.personalData?.some((p) => !p.ofUser) && !m.extract).map((m) => m.name)).toEqual([]);
  });

  it('declared as personal data say how they leave: a retention rule, swept with a parent table that has one, or why they stay', () => {
    const declared = MODULES.flatMap((m) => (m.personalData ?? []).map((p) => ({ module: m, ...p })));
    const rules = declared.flatMap((p) => p.retention ?? []);
    const problems = declared.flatMap((p) => {
      const ways = [p.retention?.length, p.sweptWith, p.keptBecause?.trim()].filter(Boolean).length;
      const parent = p.module.personalData?.find((q) => q.table === p.sweptWith);
      if (ways !== 1) return [`${p.module.name}: ${p.table} has ${ways} ways to leave, not one`];
      if (p.sweptWith && !parent?.retention?.length)
        return [`${p.module.name}: ${p.table} is swept with ${p.sweptWith}, which has no rule`];
      return [];
    });
    expect(problems).toEqual([]);
    // Each rule's record type names one thing in the run's counts.
    expect(new Set(rules.map((r) => r.recordType)).size).toBe(rules.length);
    expect(rules.filter((r) => !(r.setting in DEFAULT_DISTRICT_POLICY) || !r.measuredFrom.trim()).map((r) => r.recordType)).toEqual([]);
  });

  it('declared as personal data have row-level security, forced', async () => {
    const secured = new Set(
      ((await db.asOwner(`SELECT relname FROM pg_class WHERE relrowsecurity AND relforcerowsecurity`)) as { relname: string }[]).map(
        (r) => r.relname,
      ),
    );
    // A user's own rows have no district or child to scope by; they are read by the signed-in user's id.
    const personal = MODULES.flatMap((m) =>
      (m.personalData ?? []).filter((p) => !p.ofUser).map((p) => ({ module: m.name, table: p.table })),
    );
    expect(personal.length).toBeGreaterThan(20);
    expect(personal.filter((p) => !secured.has(p.table)).map((p) => `${p.module}: ${p.table}`)).toEqual([]);
  });
});
