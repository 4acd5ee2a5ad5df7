import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const DOMAIN = path.join(__dirname, '..', 'domain');
/** `.ts` under ts-jest, `.js` in dist/. */
const EXTENSION = path.extname(__filename);

/**
 * Every module's `domain/<m>/<m>.<kind>` file (its district settings, its clocks) with what it exports, found on disk as
 * the web app finds them with Vite's glob: a module's declarations need no line in a list.
 */
export function moduleFiles(kind: 'settings' | 'clocks'): Readonly<Record<string, Readonly<Record<string, unknown>>>> {
  const files: Record<string, Readonly<Record<string, unknown>>> = {};
  for (const module of readdirSync(DOMAIN).sort()) {
    const file = path.join(DOMAIN, module, `${module}.${kind}${EXTENSION}`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the list is the folder, not a file to edit
    if (existsSync(file)) files[file] = require(file) as Record<string, unknown>;
  }
  return files;
}
