import { EntityManager } from 'typeorm';
import { asSystem } from '../../db/access/row-scope';
import { childRepository } from '../../db/children/child.repository';
import { ViewerScope } from '../../domain/access/viewer-scope';
import { formatCalendarDate } from '../../domain/children/personal-identity-number';
import { BadInput } from '../../domain/errors';
import { ReportedChildInput } from '../../schema/reports/report.inputs';
import { parseIdentityInput } from '../children/children.service';

export interface ReportedChild {
  readonly childId: string;
  readonly districtId: string;
  readonly asReported: string;
  readonly created: boolean;
}

function reporterDistrict(scope: ViewerScope, requested: string | null | undefined): string {
  if (requested) {
    if (!scope.districtIds.has(requested)) throw new BadInput('input.districtId', 'Choose a district your agency serves.', 'Välj ett område som din verksamhet arbetar i.');
    return requested;
  }
  if (scope.districtIds.size === 1) return [...scope.districtIds][0];
  throw new BadInput('input.districtId', 'Your agency serves several districts: choose the child\'s district.', 'Din verksamhet finns i flera områden: välj barnets område.');
}

/**
 * Finds the child by personal identity number, or registers a new child
 * record for social services (by number, or by name when the number is
 * unknown). The reporter learns nothing about an existing record.
 */
export async function resolveReportedChild(
  manager: EntityManager, scope: ViewerScope, input: ReportedChildInput, districtId: string | null | undefined, now: Date,
): Promise<ReportedChild> {
  const givenName = input.givenName?.trim() ?? '';
  const familyName = input.familyName?.trim() ?? '';
  const name = `${givenName} ${familyName}`.trim();
  const rawNumber = input.personalIdentityNumber?.trim();

  if (!rawNumber && (!givenName || !familyName)) {
    throw new BadInput('input.child', 'Give the child\'s personal identity number, or both given and family name.',
      'Ange barnets personnummer, eller både förnamn och efternamn.');
  }
  const identity = rawNumber ? parseIdentityInput('input.child.personalIdentityNumber', rawNumber, now) : null;
  const asReported = identity ? `${name || 'Namn okänt'} (${identity.normalized})` : name;

  if (identity) {
    // Whether the number exists anywhere: the callers audit the lookup and answer without saying where.
    const existing = await asSystem(manager, (system) => childRepository.findByIdentityNumber(system, identity.normalized));
    if (existing) return { childId: existing.id, districtId: existing.districtId, asReported, created: false };
  }
  const district = reporterDistrict(scope, districtId);
  const childId = await childRepository.insert(manager, {
    personalIdentityNumber: identity?.normalized ?? null,
    isCoordinationNumber: identity?.isCoordinationNumber ?? false,
    birthDate: identity ? formatCalendarDate(identity.birthDate) : null,
    givenName: givenName || 'Okänt',
    familyName: familyName || 'Okänt',
    districtId: district,
    schoolAgencyId: null,
  });
  return { childId, districtId: district, asReported, created: true };
}
