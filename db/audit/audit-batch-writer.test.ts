import { AuditAction, AuditEvent, AuditOutcome } from '../../domain/audit/audit-event';
import { AuditBatchWriter } from './audit-batch-writer';

const event = (requestId: string): AuditEvent => ({
  occurredAt: new Date(0),
  requestId,
  actor: { userId: null, agencyId: null, roles: [] },
  action: AuditAction.READ,
  entityType: 'Report',
  entityId: requestId,
  childId: null,
  districtId: null,
  fields: ['id'],
  legalBasis: null,
  outcome: AuditOutcome.ALLOWED,
});

/** An insert whose completion the test controls, recording what each statement held. */
function controlledInsert(fail: (requestIds: string[]) => boolean = () => false) {
  const statements: string[][] = [];
  const release: (() => void)[] = [];
  const insert = (events: readonly AuditEvent[]) =>
    new Promise<void>((resolve, reject) => {
      const ids = events.map((e) => e.requestId);
      statements.push(ids);
      release.push(() => (fail(ids) ? reject(new Error('refused')) : resolve()));
    });
  return {
    statements,
    insert,
    releaseAll: async () => {
      while (release.length) {
        release.shift()!();
        await new Promise((r) => setImmediate(r));
      }
    },
  };
}

describe('AuditBatchWriter', () => {
  it('writes the first request at once and what queued meanwhile in one statement', async () => {
    const db = controlledInsert();
    const writer = new AuditBatchWriter(db.insert);
    const done = ['a', 'b', 'c', 'd'].map((id) => writer.write([event(id)]));
    await db.releaseAll();
    await Promise.all(done);
    expect(db.statements).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('writes nothing for a request that read nothing', async () => {
    const db = controlledInsert();
    await new AuditBatchWriter(db.insert).write([]);
    expect(db.statements).toEqual([]);
  });

  it('retries a failed batch request by request: only the bad request is refused', async () => {
    const db = controlledInsert((ids) => ids.includes('bad'));
    const writer = new AuditBatchWriter(db.insert);
    const results = ['a', 'b', 'bad', 'c'].map((id) =>
      writer.write([event(id)]).then(
        () => 'written',
        () => 'refused',
      ),
    );
    await db.releaseAll();
    expect(await Promise.all(results)).toEqual(['written', 'written', 'refused', 'written']);
    expect(db.statements).toEqual([['a'], ['b', 'bad', 'c'], ['b'], ['bad'], ['c']]);
  });
});
