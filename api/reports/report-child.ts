import { EntityManager } from 'typeorm';
import { systemRead } from '../../db/access/row-scope';
import { childRepository } from '../../db/children/child.repository';
import { ViewerScope } from '../../domain/access/viewer-scope';
import { sentNameDiffers } from '../../domain/children/child-identity.rules';
import { CalendarDate, formatCalendarDate, parseCalendarDate } from '../../domain/time/calendar-date';
import { BadInput } from '../../domain/errors';
import { ReportedChildInput } from '../../schema/reports/report.inputs';
import { parseIdentityInput } from '../children';

export interface ReportedChild {
  readonly childId: string;
  readonly districtId: string;
  readonly asReported: string;
  readonly created: boolean;
  /** From the number, or the date of birth the reporter gave; null when neither was sent. */
  readonly birthDate: CalendarDate | null;
  /** A report by name only waits for social services to link it to a child or confirm a new one. */
  readonly identityConfirmed: boolean;
  /** The record's name, when the number was sent with another name. */
  readonly mismatchRecordName: string | null;
}

function reporterDistrict(scope: ViewerScope, requested: string | null | undefined): string {
  if (requested) {
    if (!scope.districtIds.has(requested))
      throw new BadInput('input.districtId', 'Choose a district your agency serves.', 'Välj ett område som din verksamhet arbetar i.');
    return requested;
  }
  if (scope.districtIds.size === 1) return [...scope.districtIds][0];
  throw new BadInput(
    'input.districtId',
    "Your agency serves several districts: choose the child's district.",
    'Din verksamhet finns i flera områden: välj barnets område.',
  );
}

function parseBirthDateInput(raw: string | null | undefined): CalendarDate | null {
  const text = raw?.trim();
  if (!text) return null;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? parseCalendarDate(text) : null;
  if (!date || formatCalendarDate(date) !== new Date(Date.UTC(date.year, date.month - 1, date.day)).toISOString().slice(0, 10)) {
    throw new BadInput(
      'input.child.birthDate',
      'Write the date of birth as YYYY-MM-DD, for example 2012-03-15.',
      'Skriv födelsedatumet som ÅÅÅÅ-MM-DD, till exempel 2012-03-15.',
    );
  }
  return date;
}

/**
 * Finds the child by personal identity number, or registers a new child
 * record for social services (by number, or by name when the number is
 * unknown). The reporter learns nothing about an existing record.
 */
export async function resolveReportedChild(
  manager: EntityManager,
  scope: ViewerScope,
  input: ReportedChildInput,
  districtId: string | null | undefined,
  now: Date,
): Promise<ReportedChild> {
  const givenName = input.givenName?.trim() ?? '';
  const familyName = input.familyName?.trim() ?? '';
  const name = `${givenName} ${familyName}`.trim();
  const rawNumber = input.personalIdentityNumber?.trim();

  if (!rawNumber && (!givenName || !familyName)) {
    throw new BadInput(
      'input.child',
      "Give the child's personal identity number, or both given and family name.",
      'Ange barnets personnummer, eller både förnamn och efternamn.',
    );
  }
  const identity = rawNumber ? parseIdentityInput('input.child.personalIdentityNumber', rawNumber, now) : null;
  const birthDate = identity?.birthDate ?? parseBirthDateInput(input.birthDate);
  const asReported = identity ? `${name || 'Namn okänt'} (${identity.normalized})` : name;

  if (identity) {
    // Whether the number exists anywhere: the callers audit the lookup and answer without saying where.
    const existing = await systemRead(manager, (system) => childRepository.findByIdentityNumber(system, identity.normalized));
    if (existing) {
      const mismatchRecordName = sentNameDiffers({ givenName, familyName }, existing)
        ? `${existing.givenName} ${existing.familyName}`
        : null;
      return {
        childId: existing.id,
        districtId: existing.districtId,
        asReported,
        created: false,
        birthDate,
        identityConfirmed: true,
        mismatchRecordName,
      };
    }
  }
  const district = reporterDistrict(scope, districtId);
  const childId = await childRepository.insert(manager, {
    personalIdentityNumber: identity?.normalized ?? null,
    isCoordinationNumber: identity?.isCoordinationNumber ?? false,
    birthDate: birthDate ? formatCalendarDate(birthDate) : null,
    givenName: givenName || 'Okänt',
    familyName: familyName || 'Okänt',
    districtId: district,
    schoolAgencyId: null,
  });
  return { childId, districtId: district, asReported, created: true, birthDate, identityConfirmed: !!identity, mismatchRecordName: null };
}
