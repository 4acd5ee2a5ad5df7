/**
 * Preloaded into a server the bench starts (`node -r dist/bench/lib/cost-probe.js server.js`, with an IPC channel):
 * counts what the process sends to PostgreSQL and Redis and answers `{ probe: 'read' }` with the counts and its own
 * CPU time (process.cpuUsage). Counts do not depend on how busy the machine is; CPU time hardly does.
 *
 * - round trip: one `pg` Client.query call (one request to the server, one answer awaited);
 * - statement: one SQL statement in it (`BEGIN; SELECT set_config(…)` is one round trip, two statements);
 * - Redis command: one ioredis command (a pipeline's commands count one each).
 */
import { Client } from 'pg';

export interface ProbeCounts {
  readonly roundTrips: number;
  readonly statements: number;
  readonly redisCommands: number;
  /** process.cpuUsage(), user + system, in microseconds since the process started. */
  readonly cpuMicros: number;
}

/** Statements in a simple-query text: `;`-separated, outside quotes; a trailing `;` adds none. */
export function statementsIn(text: string): number {
  let count = 0;
  let quote: string | null = null;
  let content = false;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      content = true;
    } else if (ch === ';') {
      if (content) count += 1;
      content = false;
    } else if (!/\s/.test(ch)) content = true;
  }
  return count + (content ? 1 : 0);
}

const counts = { roundTrips: 0, statements: 0, redisCommands: 0 };

function install(): void {
  const original = Client.prototype.query;
  Client.prototype.query = function probedQuery(this: Client, ...args: unknown[]) {
    const first = args[0];
    const text = typeof first === 'string' ? first : (first as { text?: string } | undefined)?.text;
    counts.roundTrips += 1;
    // A query with parameters goes by the extended protocol: exactly one statement.
    counts.statements += typeof text === 'string' && !(Array.isArray(args[1]) && args[1].length) ? Math.max(1, statementsIn(text)) : 1;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof Client.prototype.query;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- optional: not every server the bench starts uses Redis
    const { Redis } = require('ioredis') as typeof import('ioredis');
    const send = Redis.prototype.sendCommand;
    Redis.prototype.sendCommand = function probedSend(this: InstanceType<typeof Redis>, ...args: Parameters<typeof send>) {
      counts.redisCommands += 1;
      return send.apply(this, args);
    } as typeof send;
  } catch {
    // No ioredis: nothing to count.
  }
  process.on('message', (message: unknown) => {
    if ((message as { probe?: string } | null)?.probe !== 'read') return;
    const cpu = process.cpuUsage();
    const answer: ProbeCounts = { ...counts, cpuMicros: cpu.user + cpu.system };
    process.send?.({ probe: answer });
  });
  // The channel must not keep the server alive after SIGTERM.
  process.channel?.unref();
}

if (process.send) install();
