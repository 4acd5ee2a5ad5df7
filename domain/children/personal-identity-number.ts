import { CalendarDate } from '../time/calendar-date';

/**
 * Swedish personal identity numbers (personnummer) and coordination numbers
 * (samordningsnummer, where the day is increased by 60).
 */

export interface PersonalIdentityNumber {
  /** Always 12 digits: YYYYMMDDNNNC. */
  readonly normalized: string;
  readonly birthDate: CalendarDate;
  readonly isCoordinationNumber: boolean;
}

export type ParseResult =
  | { readonly ok: true; readonly value: PersonalIdentityNumber }
  | { readonly ok: false; readonly reason: 'FORMAT' | 'DATE' | 'CHECK_DIGIT' };

const COORDINATION_DAY_OFFSET = 60;
const FORMAT = /^(\d{2})?(\d{6})([-+]?)(\d{4})$/;

export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    let digit = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (digit > 9) digit -= 9;
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

function isRealDate({ year, month, day }: CalendarDate): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function centuryFor(yy: number, mmdd: string, plusSeparator: boolean, today: CalendarDate): number {
  // A 10-digit number names no century: take the latest one that puts the birth
  // date in the past, and step back one more when '+' says the person is 100 or older.
  let century = Math.floor(today.year / 100) * 100;
  const candidate = `${century + yy}${mmdd}`;
  const todayKey = `${today.year}${String(today.month).padStart(2, '0')}${String(today.day).padStart(2, '0')}`;
  if (candidate > todayKey) century -= 100;
  if (plusSeparator) century -= 100;
  return century;
}

/** Parses the 10- or 12-digit form, with or without separator, against today's date. */
export function parsePersonalIdentityNumber(input: string, today: CalendarDate): ParseResult {
  const match = FORMAT.exec(input.trim().replace(/\s+/g, ''));
  if (!match) return { ok: false, reason: 'FORMAT' };
  const [, centuryDigits, yymmdd, separator, lastFour] = match;
  if (centuryDigits && separator === '+') return { ok: false, reason: 'FORMAT' };

  const yy = Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  const rawDay = Number(yymmdd.slice(4, 6));
  const isCoordinationNumber = rawDay > COORDINATION_DAY_OFFSET;
  const day = isCoordinationNumber ? rawDay - COORDINATION_DAY_OFFSET : rawDay;
  const mmdd = `${yymmdd.slice(2, 4)}${String(day).padStart(2, '0')}`;
  const year = centuryDigits ? Number(centuryDigits) * 100 + yy : centuryFor(yy, mmdd, separator === '+', today) + yy;

  const birthDate = { year, month, day };
  if (!isRealDate(birthDate)) return { ok: false, reason: 'DATE' };

  const tenDigits = `${yymmdd}${lastFour}`;
  if (luhnCheckDigit(tenDigits.slice(0, 9)) !== Number(tenDigits[9])) return { ok: false, reason: 'CHECK_DIGIT' };

  return {
    ok: true,
    value: { normalized: `${String(year).slice(0, 2)}${tenDigits}`, birthDate, isCoordinationNumber },
  };
}

/** How every page writes a stored number (12 digits): YYYYMMDD-XXXX; anything else is shown as it is. */
export function formatPersonalIdentityNumber(stored: string): string {
  return /^\d{12}$/.test(stored) ? `${stored.slice(0, 8)}-${stored.slice(8)}` : stored;
}
