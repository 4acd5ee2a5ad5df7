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

describe('imports run one way', () => {
  it('break none of the rules of .dependency-cruiser.cjs', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the config is CommonJS, read as depcruise reads it
    const config = require(path.join(ROOT, '.dependency-cruiser.cjs')) as { forbidden: { name: string; comment: string }[] };
    const comments = new Map(config.forbidden.map((rule) => [rule.name, rule.comment]));
    const { summary } = await cruise();
    expect(summary.totalCruised).toBeGreaterThan(300);
    expect(summary.violations.map((v) => describeViolation(v, comments))).toEqual([]);
    console.log(`imports: ${summary.totalCruised} files, ${config.forbidden.length} rules, 0 violations`);
  }, 180_000);
});
