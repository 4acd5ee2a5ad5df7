import { characterCount, isSaneDate, isUuid, NAME, textProblem } from './validators';

describe('textProblem', () => {
  it.each([
    ['Anna', { max: 200 }, null],
    ['', { min: 1, max: 200 }, 'TOO_SHORT'],
    ['a'.repeat(201), { max: 200 }, 'TOO_LONG'],
    ['😀'.repeat(200), { max: 200 }, null],
    ['a\u0000b', { max: 200, multiline: true }, 'CONTROL_CHARACTER'],
    ['a\u007fb', { max: 200, multiline: true }, 'CONTROL_CHARACTER'],
    ['a\u0085b', { max: 200, multiline: true }, 'CONTROL_CHARACTER'],
    ['abc \u202E fed', { max: 200, multiline: true }, 'CONTROL_CHARACTER'],
    ['rad ett\nrad två\ttab\r\n', { max: 200, multiline: true }, null],
    ['rad ett\nrad två', { max: 200 }, 'LINE_BREAK'],
    ['a\u2028b', { max: 200 }, 'LINE_BREAK'],
    ['\uD83D', { max: 200 }, 'INVALID_UNICODE'],
    ['\uDE00x', { max: 200 }, 'INVALID_UNICODE'],
    ['مريم עברית', { max: 200 }, null],
    [42, { max: 200 }, 'NOT_TEXT'],
    ['Wilma Ols\u200Bson', NAME, 'FORMAT_CHARACTER'],
    ['\u200B\u200D\u2060', NAME, 'FORMAT_CHARACTER'],
    ['\u200EOlsson', { max: 20, identifying: true }, 'FORMAT_CHARACTER'],
    ['Wilma Ols\u200Bson', { max: 200 }, null],
    ['👩\u200D💻 på mötet', { max: 200, multiline: true }, null],
  ] as const)('%j under %j is %s', (value, rule, problem) => {
    expect(textProblem(value, rule)).toBe(problem);
  });

  it('counts what a user counts', () => {
    expect(characterCount('Zoë😀')).toBe(4);
  });
});

describe('isUuid and isSaneDate', () => {
  it('accept only uuids and dates in 1900–2100', () => {
    expect(isUuid('0b8f5c1e-9d2a-4c8e-8f00-1234567890ab')).toBe(true);
    expect(isUuid('0b8f5c1e-9d2a-4c8e-8f00-1234567890ab ')).toBe(false);
    expect(isUuid(null)).toBe(false);
    expect(isSaneDate(new Date('2026-11-23T00:00:00Z'))).toBe(true);
    expect(isSaneDate(new Date('1899-12-31T23:59:59Z'))).toBe(false);
    expect(isSaneDate(new Date('2101-01-01T00:00:00Z'))).toBe(false);
    expect(isSaneDate(new Date('nonsense'))).toBe(false);
  });
});
