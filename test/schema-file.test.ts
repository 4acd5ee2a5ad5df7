import fs from 'node:fs';
import path from 'node:path';
import { renderSchema } from '../scripts/schema';

describe('schema/schema.graphql', () => {
  it('is current: run `npm run schema` and commit the file when this fails', async () => {
    const committed = fs.readFileSync(path.resolve(__dirname, '..', 'schema', 'schema.graphql'), 'utf8');
    expect(committed).toBe(await renderSchema());
  });
});
