import { LegalBasis } from '../../domain/access/legal-basis';
import { AuditOutcome } from '../../domain/audit/audit-event';
import { AuditBuffer } from './audit-buffer';

describe('AuditBuffer', () => {
  const CONSENT = '00000000-0000-4000-8000-0000000000e1';
  const read = (field: string, consentId: string | null, legalBasis: LegalBasis) => ({
    entityType: 'PlanAction', entityId: 'a1', childId: 'c1', districtId: 'd1', legalBasis, consentId, outcome: AuditOutcome.ALLOWED, field,
  });

  it('carries the consent a read rested on to its audit row, one row per object, basis and consent', () => {
    const buffer = new AuditBuffer('r1', { userId: 'u1', agencyId: 'g1', roles: ['LEISURE_STAFF'] }, () => new Date(0));
    buffer.read(read('title', CONSENT, LegalBasis.CONSENT));
    buffer.read(read('dueAt', CONSENT, LegalBasis.CONSENT));
    buffer.read(read('owner', null, LegalBasis.SAME_AGENCY));
    const events = buffer.drain();
    expect(events.map((e) => [e.legalBasis, e.consentId, e.fields])).toEqual([
      [LegalBasis.CONSENT, CONSENT, ['dueAt', 'title']],
      [LegalBasis.SAME_AGENCY, null, ['owner']],
    ]);
  });
});
