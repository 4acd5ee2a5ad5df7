import fs from 'node:fs';
import path from 'node:path';
import { renderAccessMatrix } from './access-matrix.render';
import { REGISTRY } from '../../app/registry';

describe('docs/access-matrix.md', () => {
  const rendered = renderAccessMatrix(REGISTRY.access);

  it('is current: run `npm run access-matrix` and commit it when this fails', () => {
    expect(fs.readFileSync(path.resolve(__dirname, '..', '..', 'docs', 'access-matrix.md'), 'utf8')).toBe(rendered);
  });

  it('has a section for every type in the policy table', () => {
    for (const type of REGISTRY.access.types.keys()) expect(rendered).toContain(`## ${type}`);
  });
});
