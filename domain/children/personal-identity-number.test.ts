import { formatPersonalIdentityNumber, luhnCheckDigit, parsePersonalIdentityNumber } from './personal-identity-number';
import { ageOn } from '../time/calendar-date';

const today = { year: 2026, month: 11, day: 23 };

function withCheckDigit(nine: string): string {
  return `${nine}${luhnCheckDigit(nine)}`;
}

describe('parsePersonalIdentityNumber', () => {
  it.each([
    ['12-digit with separator', '20120315-1236'],
    ['12-digit without separator', '201203151236'],
    ['10-digit with separator', '120315-1236'],
    ['10-digit without separator', '1203151236'],
  ])('accepts the %s form and normalises to 12 digits', (_form, input) => {
    const result = parsePersonalIdentityNumber(input, today);
    expect(result).toEqual({
      ok: true,
      value: { normalized: '201203151236', birthDate: { year: 2012, month: 3, day: 15 }, isCoordinationNumber: false },
    });
  });

  it('computes the Luhn check digit on the ten-digit form', () => {
    expect(luhnCheckDigit('811218987')).toBe(6);
    expect(parsePersonalIdentityNumber('19811218-9876', today).ok).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    expect(parsePersonalIdentityNumber('20120315-1237', today)).toEqual({ ok: false, reason: 'CHECK_DIGIT' });
  });

  it.each(['20120230', '20121301', '20110229', '20120015'])('rejects the impossible date %s', (date) => {
    const input = withCheckDigit(`${date.slice(2)}123`);
    expect(parsePersonalIdentityNumber(`${date.slice(0, 2)}${input}`, today)).toEqual({ ok: false, reason: 'DATE' });
  });

  it('accepts 29 February in a leap year', () => {
    expect(parsePersonalIdentityNumber(`20${withCheckDigit('120229123')}`, today).ok).toBe(true);
  });

  it('accepts a coordination number (day + 60) and derives the real birth date', () => {
    const number = `20${withCheckDigit('120375123')}`;
    const result = parsePersonalIdentityNumber(number, today);
    expect(result).toEqual({
      ok: true,
      value: { normalized: number, birthDate: { year: 2012, month: 3, day: 15 }, isCoordinationNumber: true },
    });
  });

  it('rejects a coordination number whose real day does not exist', () => {
    expect(parsePersonalIdentityNumber(`20${withCheckDigit('120292123')}`, today)).toEqual({ ok: false, reason: 'DATE' });
  });

  it.each(['', 'abc', '2012-03-15', '12031512', '2012031512361', '20120315+1236'])('rejects the malformed "%s"', (input) => {
    expect(parsePersonalIdentityNumber(input, today)).toEqual({ ok: false, reason: 'FORMAT' });
  });

  it('puts a 10-digit number in the latest century that is not in the future', () => {
    const future = withCheckDigit('301203123');
    const result = parsePersonalIdentityNumber(future, today);
    expect(result.ok && result.value.birthDate.year).toBe(1930);
  });

  it("reads '+' as 100 years or older", () => {
    const result = parsePersonalIdentityNumber(`${withCheckDigit('120315123').slice(0, 6)}+${withCheckDigit('120315123').slice(6)}`, today);
    expect(result.ok && result.value.birthDate.year).toBe(1912);
  });
});

describe('ageOn', () => {
  it('counts whole years, turning on the birthday', () => {
    const birth = { year: 2016, month: 11, day: 23 };
    expect(ageOn(birth, { year: 2026, month: 11, day: 22 })).toBe(9);
    expect(ageOn(birth, { year: 2026, month: 11, day: 23 })).toBe(10);
  });

  it('lets a 29 February child turn a year older on 1 March in a common year', () => {
    const birth = { year: 2012, month: 2, day: 29 };
    expect(ageOn(birth, { year: 2022, month: 2, day: 28 })).toBe(9);
    expect(ageOn(birth, { year: 2022, month: 3, day: 1 })).toBe(10);
  });
});

describe('formatPersonalIdentityNumber', () => {
  it('writes a stored number as YYYYMMDD-XXXX', () => {
    expect(formatPersonalIdentityNumber('201205142383')).toBe('20120514-2383');
    expect(formatPersonalIdentityNumber('K-12')).toBe('K-12');
  });
});
