import { bornOnResearchDay, retentionCutoff } from './retention-rules';

describe('retention rules', () => {
  it.each([
    ['2010-03-05', true],
    ['2010-03-15', true],
    ['2010-03-25', true],
    ['2010-03-14', false],
    ['2010-03-16', false],
    ['2010-03-26', false],
    ['2010-03-01', false],
    [null, false],
  ])('a child born %s is kept for research: %s', (birthDate, kept) => {
    expect(bornOnResearchDay(birthDate)).toBe(kept);
  });

  it('measures months on the calendar of the district', () => {
    expect(retentionCutoff(new Date('2031-12-23T01:00:00Z'), 60, 'Europe/Stockholm').toISOString()).toBe('2026-12-23T01:00:00.000Z');
    expect(retentionCutoff(new Date('2031-06-01T00:00:00Z'), 1, 'Europe/Stockholm').toISOString()).toBe('2031-05-01T00:00:00.000Z');
  });
});
