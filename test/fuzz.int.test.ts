/**
 * The fuzz proof, short form (`npm run fuzz` sends 50,000): requests
 * generated from the introspected schema, from every role and none, hostile
 * in every way scripts/fuzz/cases.ts knows. No 5xx, no internal error, no
 * leak in any error, no error in the server log, the server stays healthy,
 * and refused requests change no rows.
 */
import { capturingLogger, startTestServer, TestServer } from '../scripts/fuzz/harness';
import { detailLine, fuzzTarget, runFuzz, summaryLine } from '../scripts/fuzz/run';
import { DataSource } from 'typeorm';
import { createAppDataSource } from '../app/runtime';
import { collaborationMatrixFixtures } from './helpers/collaboration-matrix';
import { createTestApp, TestApp } from './helpers/test-app';

const REQUESTS = 5_000;
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);

let app: TestApp;
let server: TestServer;
let owner: DataSource;
const { logger, entries } = capturingLogger();

beforeAll(async () => {
  app = await createTestApp();
  // Collaboration cases with a team, consents, actions and a meeting, so the new operations meet real ids.
  await collaborationMatrixFixtures(app);
  server = await startTestServer(app.runtime, { config: fuzzTarget, logger });
  owner = await createAppDataSource({ url: app.db.ownerUrl, poolSize: 1 }).initialize();
});

afterAll(async () => {
  await server.close();
  await owner.destroy();
  await app.close();
});

it(`survives ${REQUESTS} generated requests`, async () => {
  const summary = await runFuzz(server, entries, { total: REQUESTS, seed: SEED, owner });
  process.stdout.write(`\nfuzz: ${summaryLine(summary)}\nfuzz: ${detailLine(summary, SEED)}\n`);
  expect(summary.problems).toEqual([]);
  expect(summary).toMatchObject({
    requests: REQUESTS,
    fiveXX: 0,
    leaks: 0,
    changedRowsByRejected: 0,
    unexpectedAccepts: 0,
    replayMismatches: 0,
    logErrors: 0,
    unhandledRejections: 0,
    unhealthy: 0,
  });
  // The mix matters as much as the verdicts: both sides and HTTP must be well exercised.
  expect(summary.accepted).toBeGreaterThan(REQUESTS * 0.15);
  expect(summary.rejected).toBeGreaterThan(REQUESTS * 0.4);
  expect(summary.httpRequests).toBeGreaterThan(REQUESTS * 0.05);
  expect(summary.replays).toBeGreaterThan(20);
}, 360_000);
