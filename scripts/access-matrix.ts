/** `npm run access-matrix`: regenerates docs/access-matrix.md from the policy table. */
import fs from 'node:fs';
import path from 'node:path';
import { renderAccessMatrix } from '../api/access/access-matrix.render';
import { REGISTRY } from '../app/registry';

export const ACCESS_MATRIX_FILE = path.resolve(process.cwd(), 'docs', 'access-matrix.md');

if (require.main === module) {
  fs.mkdirSync(path.dirname(ACCESS_MATRIX_FILE), { recursive: true });
  fs.writeFileSync(ACCESS_MATRIX_FILE, renderAccessMatrix(REGISTRY.access));
  process.stdout.write(`Wrote ${ACCESS_MATRIX_FILE}\n`);
}
