import { reportedAgeProblem } from '../../domain/children/child-identity.rules';
import { CalendarDate, calendarDateAt } from '../../domain/time/calendar-date';
import { DistrictPolicy } from '../../domain/districts/district-policy';
import { BadInput } from '../../domain/errors';

/** Refuses a report about someone not yet born, or at or above the district's age limit on the day it was received. */
export function checkReportedAge(
  birthDate: CalendarDate | null,
  receivedAt: Date,
  policy: Pick<DistrictPolicy, 'reportAgeLimit' | 'timeZone'>,
  field: string,
): void {
  if (!birthDate) return;
  const problem = reportedAgeProblem(birthDate, calendarDateAt(receivedAt, policy.timeZone), policy.reportAgeLimit);
  if (problem === 'FUTURE_BIRTH') {
    throw new BadInput(
      field,
      'The date of birth is in the future. Check the personal identity number or date of birth.',
      'Födelsedatumet ligger i framtiden. Kontrollera personnumret eller födelsedatumet.',
    );
  }
  if (problem === 'TOO_OLD') {
    throw new BadInput(
      field,
      `A concern report is about a child or young person under ${policy.reportAgeLimit}: this person was ${policy.reportAgeLimit} or older when the report arrived.`,
      `En orosanmälan gäller barn och unga under ${policy.reportAgeLimit} år: personen var ${policy.reportAgeLimit} år eller äldre när anmälan kom in.`,
    );
  }
}
