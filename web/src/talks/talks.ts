/** What the talk pages compute from a talk: the same rule the API applies before `holdTalk`. */

interface AgencyRef {
  id: string;
  name: string;
}
interface ParticipantLike {
  role: string;
  agency?: AgencyRef | null;
  attended?: boolean | null;
}
interface DisclosureLike {
  agency?: AgencyRef | null;
}

const AGENCY_ROLES = new Set(['SOCIAL_WORKER', 'POLICE_OFFICER', 'COORDINATOR']);

/** The holder's agency and every professional's who has not been recorded absent. */
export function participatingAgencies(
  holder: AgencyRef | null | undefined,
  participants: readonly ParticipantLike[] | null | undefined,
): AgencyRef[] {
  const agencies = new Map<string, AgencyRef>();
  if (holder) agencies.set(holder.id, holder);
  for (const p of participants ?? []) {
    if (AGENCY_ROLES.has(p.role) && p.agency && p.attended !== false) agencies.set(p.agency.id, p.agency);
  }
  return [...agencies.values()];
}

export function missingDisclosures(agencies: readonly AgencyRef[], disclosures: readonly DisclosureLike[] | null | undefined): AgencyRef[] {
  const disclosed = new Set((disclosures ?? []).map((d) => d.agency?.id));
  return agencies.filter((a) => !disclosed.has(a.id));
}

/** Monday 00:00 local time of the week `offset` weeks from the one holding `now`. */
export function weekStart(now: Date, offset = 0): Date {
  const monday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - ((now.getDay() + 6) % 7) + offset * 7);
  return monday;
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

/** ISO 8601 week number. */
export function isoWeek(date: Date): number {
  const thursday = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate() + 3 - ((date.getDay() + 6) % 7)));
  const firstThursday = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 4));
  return 1 + Math.round(((thursday.getTime() - firstThursday.getTime()) / 86_400_000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
}

/** YYYY-MM-DD of a local date, for `<input type="date">` and day keys. */
export function localDateKey(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
