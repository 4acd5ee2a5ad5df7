import { withoutFormatCharacters } from '../text/format-characters';
import { ageOn, CalendarDate } from '../time/calendar-date';

/**
 * A child's name as matching compares it: lower case, diacritics dropped
 * (a reporter may write Ostberg for Östberg), hyphens and spaces collapsed.
 * The migration's backfill of `child.name_key` mirrors this for older rows.
 */
export function childNameKey(givenName: string, familyName: string): string {
  return withoutFormatCharacters(`${givenName} ${familyName}`)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export type ReportedAgeProblem = 'FUTURE_BIRTH' | 'TOO_OLD';

/**
 * A concern report is about a child or young person: someone born by the day
 * of receipt and younger than the district's age limit (default 21) on it.
 */
export function reportedAgeProblem(birthDate: CalendarDate, receivedOn: CalendarDate, ageLimit: number): ReportedAgeProblem | null {
  const age = ageOn(birthDate, receivedOn);
  if (age < 0) return 'FUTURE_BIRTH';
  return age >= ageLimit ? 'TOO_OLD' : null;
}

/** Two records may be merged only within one district and when their known birth dates agree. */
export type MergeProblem = 'SAME_RECORD' | 'OTHER_DISTRICT' | 'BIRTH_DATES_DIFFER';

export function mergeProblem(
  kept: { id: string; districtId: string; birthDate: string | null },
  merged: { id: string; districtId: string; birthDate: string | null },
): MergeProblem | null {
  if (kept.id === merged.id) return 'SAME_RECORD';
  if (kept.districtId !== merged.districtId) return 'OTHER_DISTRICT';
  if (kept.birthDate && merged.birthDate && kept.birthDate !== merged.birthDate) return 'BIRTH_DATES_DIFFER';
  return null;
}

/** The name sent with a personal identity number differs from the record's: each part that was sent must match. */
export function sentNameDiffers(
  sent: { givenName: string; familyName: string },
  record: { givenName: string; familyName: string },
): boolean {
  const differs = (a: string, b: string) => a.trim() !== '' && childNameKey(a, '') !== childNameKey(b, '');
  return differs(sent.givenName, record.givenName) || differs(sent.familyName, record.familyName);
}
