import { lookupSubject } from '../../db/audit/lookup-subject';
import { LegalBasis } from '../../domain/access/legal-basis';
import { AuditOutcome } from '../../domain/audit/audit-event';
import { RequestContext, requireScope } from '../context';

/**
 * A personal identity number the viewer looked up is audited where its record is: a read when one of the viewer's
 * districts holds the child, a denied lookup otherwise.
 */
export async function auditIdentityLookup(context: RequestContext, personalIdentityNumber: string): Promise<void> {
  const subject = await context.db.asSystem((system) => lookupSubject(system, 'PersonalIdentityNumber', personalIdentityNumber));
  if (subject.districtId && requireScope(context).districtIds.has(subject.districtId)) {
    context.audit.read({
      entityType: 'Child',
      entityId: subject.childId,
      ...subject,
      legalBasis: LegalBasis.SAME_AGENCY,
      outcome: AuditOutcome.ALLOWED,
      field: 'personalIdentityNumber',
    });
  } else {
    context.audit.lookupDenied('Child', subject.childId, subject, 'personalIdentityNumber');
  }
}
