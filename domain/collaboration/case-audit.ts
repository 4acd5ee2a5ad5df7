import { LegalBasis } from '../access/legal-basis';
import { Decision } from '../access/policy';
import { WriteAudit } from '../audit';

/** The audit entry of a write to a case or one of its parts: under the decision's basis and consent, else the agency's own. */
export function caseAudit(
  c: { readonly childId: string; readonly districtId: string },
  action: WriteAudit['action'],
  entityType: string,
  entityId: string,
  fields: string[],
  decision?: Decision,
): WriteAudit {
  const basis = decision?.allowed && decision.basis ? decision.basis : LegalBasis.SAME_AGENCY;
  const consentId = decision?.allowed ? (decision.consentId ?? null) : null;
  return { action, entityType, entityId, childId: c.childId, districtId: c.districtId, fields, legalBasis: basis, consentId };
}
