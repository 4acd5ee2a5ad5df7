import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

/** The import rules of .dependency-cruiser.cjs, so a new import against them fails `npm test` with the rule's name and why. */

const ROOT = path.resolve(__dirname, '..');
const SOURCES = ['app', 'api', 'workers', 'schema', 'db', 'domain', 'platform', 'scripts', 'bench', 'web/src'];

interface Violation {
  readonly from: string;
  readonly to: string;
  readonly cycle?: readonly { readonly name: string }[];
  readonly rule: { readonly name: string };
}

interface CruiseResult {
  readonly summary: { readonly violations: readonly Violation[]; readonly totalCruised: number };
  readonly modules: readonly { readonly source: string; readonly dependencies: readonly { readonly resolved: string }[] }[];
}

async function cruise(): Promise<CruiseResult> {
  const bin = path.join(ROOT, 'node_modules', '.bin', 'depcruise');
  const args = [...SOURCES, '--config', '.dependency-cruiser.cjs', '--output-type', 'json'];
  // depcruise exits non-zero when it finds violations; its JSON is on stdout either way.
  const { stdout, stderr } = await promisify(execFile)(bin, args, { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }).catch((error) => error);
  // Without a report it did not run at all (on Node 20 it refuses: it needs Node 22 or later); say why.
  if (!stdout) throw new Error(`dependency-cruiser did not run: ${String(stderr).trim()}`);
  return JSON.parse(stdout) as CruiseResult;
}

function describeViolation(v: Violation, comments: ReadonlyMap<string, string>): string {
  const via = v.cycle?.length ? ` (cycle: ${[v.from, ...v.cycle.map((c) => c.name)].join(' → ')})` : '';
  return `${v.rule.name}: ${v.from} → ${v.to}${via}\n    ${comments.get(v.rule.name) ?? ''}`;
}

/** The web app's own machinery, as api/(auth|…) is the API's: the frame, forms, texts and the session. */
const WEB_MACHINERY = /^web\/src\/(components|i18n|auth|gql)\//;

/** The module a file belongs to in its layer (`db/talks`), or null for a test, a layer's own file or web machinery. */
function moduleOf(file: string): string | null {
  if (/\.test\.ts$|^test\//.test(file) || WEB_MACHINERY.test(file)) return null;
  return /^(api|db|domain|schema|workers|web\/src)\/([^/]+)\//.exec(file)?.slice(1, 3).join('/') ?? null;
}

/** Pairs of modules of one layer that import each other, file cycle or not: `db/children ⇄ db/retention`. */
function twoWayTies(result: CruiseResult): string[] {
  const uses = new Set<string>();
  for (const m of result.modules) {
    const from = moduleOf(m.source);
    for (const d of m.dependencies) {
      const to = moduleOf(d.resolved);
      if (from && to && from !== to && from.split('/')[0] === to.split('/')[0]) uses.add(`${from} → ${to}`);
    }
  }
  return [...uses]
    .map((edge) => edge.split(' → '))
    .filter(([a, b]) => a < b && uses.has(`${b} → ${a}`))
    .map(([a, b]) => `${a} ⇄ ${b}`);
}

describe('imports run one way', () => {
  let result: Promise<CruiseResult>;
  beforeAll(() => {
    result = cruise();
  });

  it('tie no two modules of a layer both ways: one of them owns what both need, or it moves down', async () => {
    expect(twoWayTies(await result)).toEqual([]);
  }, 180_000);

  it('break none of the rules of .dependency-cruiser.cjs', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the config is CommonJS, read as depcruise reads it
    const config = require(path.join(ROOT, '.dependency-cruiser.cjs')) as { forbidden: { name: string; comment: string }[] };
    const comments = new Map(config.forbidden.map((rule) => [rule.name, rule.comment]));
    const { summary } = await result;
    expect(summary.totalCruised).toBeGreaterThan(300);
    expect(summary.violations.map((v) => describeViolation(v, comments))).toEqual([]);
    console.log(`imports: ${summary.totalCruised} files, ${config.forbidden.length} rules, 0 violations`);
  }, 180_000);
});
