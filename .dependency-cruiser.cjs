/**
 * Which way imports run (checked by test/architecture.test.ts, so by `npm test`). Every arrow points down:
 *   scripts/, bench/ → app/ (the composition root) → api/, workers/ → db/ → domain/
 * schema/ (GraphQL types) sits beside api/ and only api/ and app/ use it; platform/ is ground (only domain/ below it).
 * A module (api/talks/, schema/talks/, db/talks/, domain/talks/, …) uses another module of its layer only through that
 * module's index.ts (domain/ also lets its settings and labels be read: the district policy and the web app put them
 * together).
 * Tests are not layered: a test may reach any file it tests.
 */
const TESTS = '\\.test\\.ts$|^test/';

/** Folders of api/ that are the API's own machinery, not modules: any module may use their files. */
const API_MACHINERY = '(access|auth|security|errors|web)';
/** Folders of domain/ every module builds on (access rules, time, texts, the district policy, the clocks). */
const DOMAIN_MACHINERY = '(access|time|text|messages|districts|deadlines)';
/** Folders of db/ that are machinery (the viewer scope, the contract for a module's personal data) or put every module together (seeds, old migrations). */
const DB_MACHINERY = '(access|personal-data|seed|migrations)';
/** Folders of schema/ that are machinery: the shared enums, the input validators, paging. */
const SCHEMA_MACHINERY = '(common)';

const FOLDERS = ['scripts', 'bench', 'app', 'api', 'workers', 'schema', 'db', 'domain', 'platform', 'test', 'web'];

/** Files under `from` may import only the project's folders in `allowed` (and packages). */
const layer = (name, from, allowed, why) => ({
  name,
  comment: why,
  severity: 'error',
  from: { path: from, pathNot: TESTS },
  to: { path: `^(${FOLDERS.filter((f) => !allowed.includes(f)).join('|')})/` },
});

/** A module of `folder` may import another module's files only when they are `open` (its index.ts); machinery is open to all. */
const throughIndex = (name, folder, machinery, why, open = 'index') => ({
  name,
  comment: why,
  severity: 'error',
  from: { path: `^${folder}/([^/]+)/`, pathNot: `${TESTS}|^${folder}/${machinery}/` },
  to: { path: `^${folder}/([^/]+)/`, pathNot: `^${folder}/($1|${machinery.slice(1, -1)})/|^${folder}/[^/]+/${open}\\.ts$` },
});

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment:
        'Files that import each other cannot be understood, tested or moved one at a time: break the loop (move the shared part down, or pass it in).',
      severity: 'error',
      from: { pathNot: TESTS },
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      comment:
        'domain/ holds pure rules: no database, queue, HTTP, GraphQL or Node I/O. Pass facts and a Clock in; keep I/O in db/, api/ or workers/.',
      severity: 'error',
      from: { path: '^domain/', pathNot: TESTS },
      to: { pathNot: '^domain/' },
    },
    layer(
      'platform-is-ground',
      '^platform/',
      ['platform', 'domain'],
      'platform/ (config, logging, queue backend) is ground under every layer: it imports only platform/ and domain/.',
    ),
    layer(
      'db-below-api-and-workers',
      '^db/',
      ['db', 'domain', 'platform'],
      'db/ owns persistence and sits below api/ and workers/: it imports only db/, domain/ and platform/.',
    ),
    layer(
      'schema-beside-api',
      '^schema/',
      ['schema', 'domain', 'platform'],
      'schema/ holds GraphQL types beside api/: it imports only schema/, domain/ and platform/ (no repositories, no services).',
    ),
    layer(
      'workers-below-app',
      '^workers/',
      ['workers', 'db', 'domain', 'platform'],
      'workers/ never import api/ or app/: what both need belongs in db/ or domain/.',
    ),
    layer(
      'api-below-app',
      '^api/',
      ['api', 'schema', 'db', 'domain', 'platform'],
      'api/ never imports workers/ or app/: the composition root (app/) hands the API what it needs.',
    ),
    layer(
      'app-below-scripts',
      '^app/',
      ['app', 'api', 'workers', 'schema', 'db', 'domain', 'platform'],
      'app/ is the composition root: scripts/ and bench/ use it, never the other way round.',
    ),
    {
      name: 'web-uses-domain-only',
      comment: 'The web app shares only pure rules and texts with the server: it imports domain/, never api/, db/ or workers/.',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { path: '^(api|app|db|workers|platform|schema|scripts|bench)/' },
    },
    throughIndex(
      'module-through-index',
      'api',
      API_MACHINERY,
      'A module uses another module only through its public index.ts (api/<module>/index.ts); export what it needs there, or move the shared part down.',
    ),
    throughIndex(
      'domain-module-through-index',
      'domain',
      DOMAIN_MACHINERY,
      "A module uses another module's rules only through its public domain/<module>/index.ts (or its <module>.settings.ts / <module>.labels.ts); export what it needs there, or move the shared part to a machinery folder.",
      '(index|[^/]+\\.settings|[^/]+\\.labels)',
    ),
    throughIndex(
      'db-module-through-index',
      'db',
      DB_MACHINERY,
      "A module uses another module's tables and queries only through its public db/<module>/index.ts; export the entity or query there, or move the shared part down.",
    ),
    throughIndex(
      'schema-module-through-index',
      'schema',
      SCHEMA_MACHINERY,
      "A module uses another module's GraphQL types only through its public schema/<module>/index.ts; export the type there, or move the shared part to schema/common.",
    ),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|web/dist|web/node_modules|web/src/gql)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['cjs', 'es6'],
  },
};
