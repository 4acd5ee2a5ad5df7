import { createAppDataSource } from '../../app/runtime';
import { createTestDatabase, TestDatabase } from '../../test/helpers/test-database';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(() => db.drop());

describe('migrations', () => {
  it('produce exactly the schema the entities describe (run `npm run db:diff` to draft a new migration)', async () => {
    const dataSource = createAppDataSource({ url: db.ownerUrl });
    await dataSource.initialize();
    try {
      const pending = await dataSource.showMigrations();
      const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
      expect(pending).toBe(false);
      expect(upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});
