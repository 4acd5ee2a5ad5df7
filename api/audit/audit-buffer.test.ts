import { LegalBasis } from '../../domain/access/legal-basis';
import { AuditOutcome } from '../../domain/audit/audit-event';
import { AuditBuffer } from './audit-buffer';

describe('AuditBuffer', () => {
  const CONSENT = '00000000-0000-4000-8000-0000000000e1';
  const actor = { userId: 'u1', agencyId: 'g1', roles: ['LEISURE_STAFF'] };
  const object = (id: string, childId: string) => ({ entityType: 'PlanAction', entityId: id, childId, districtId: 'd1' });

  it('carries the consent a read rested on to its audit row, one row per object, basis and consent', () => {
    const buffer = new AuditBuffer('r1', actor, () => new Date(0));
    buffer.readObject(object('a1', 'c1'), [
      { allowed: true, basis: LegalBasis.CONSENT, consentId: CONSENT, fields: ['dueAt', 'title'] },
      { allowed: true, basis: LegalBasis.SAME_AGENCY, consentId: null, fields: ['owner'] },
    ]);
    const events = buffer.drain();
    expect(events.map((e) => [e.legalBasis, e.consentId, e.fields])).toEqual([
      [LegalBasis.CONSENT, CONSENT, ['dueAt', 'title']],
      [LegalBasis.SAME_AGENCY, null, ['owner']],
    ]);
  });

  it('records the same read of several objects in one row, their ids and children index by index', () => {
    const buffer = new AuditBuffer('r1', actor, () => new Date(0));
    const groups = [{ allowed: true, basis: LegalBasis.SAME_AGENCY, consentId: null, fields: ['id', 'title'] }];
    buffer.readObject(object('a1', 'c1'), groups);
    buffer.readObject(object('a2', 'c2'), groups);
    buffer.readObject(object('a3', 'c3'), [{ allowed: false, basis: null, consentId: null, fields: ['owner'] }]);
    buffer.readObject(object('a1', 'c1'), [{ allowed: true, basis: LegalBasis.SAME_AGENCY, consentId: null, fields: ['dueAt'] }]);
    expect(buffer.drain().map((e) => [e.outcome, e.entityId, e.entityIds ?? null, e.childIds ?? null, e.fields])).toEqual([
      [AuditOutcome.ALLOWED, 'a1', null, null, ['dueAt', 'id', 'title']],
      [AuditOutcome.ALLOWED, 'a2', null, null, ['id', 'title']],
      [AuditOutcome.DENIED, 'a3', null, null, ['owner']],
    ]);
    buffer.readObject(object('a1', 'c1'), groups);
    buffer.readObject(object('a2', 'c2'), groups);
    expect(buffer.drain().map((e) => [e.entityId, e.childId, e.entityIds, e.childIds])).toEqual([[null, null, ['a1', 'a2'], ['c1', 'c2']]]);
  });
});
