import { childNameKey, mergeProblem, reportedAgeProblem, sentNameDiffers } from './child-identity.rules';

const date = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day };
};

describe('childNameKey', () => {
  it.each([
    ['Åsa', 'Östberg', 'asa ostberg'],
    ['ASA', 'ostberg', 'asa ostberg'],
    ['  Anna-Lena ', 'Åkesson  Berg', 'anna lena akesson berg'],
    ['José', 'Müller', 'jose muller'],
    ['Wilma', 'Ols\u200Bson', 'wilma olsson'],
    ['\u2066Wil\u200Dma\u2069', 'Ols\u00ADson\uFEFF', 'wilma olsson'],
  ])('%s %s → %s', (given, family, key) => {
    expect(childNameKey(given, family)).toBe(key);
  });

  it('keeps different names apart', () => {
    expect(childNameKey('Ali', 'Berg')).not.toBe(childNameKey('Alia', 'Berg'));
  });
});

describe('reportedAgeProblem', () => {
  it.each([
    ['2026-12-02', '2026-12-01', 21, 'FUTURE_BIRTH'],
    ['2026-12-01', '2026-12-01', 21, null],
    ['2005-12-02', '2026-12-01', 21, null],
    ['2005-12-01', '2026-12-01', 21, 'TOO_OLD'],
    ['2008-06-01', '2026-12-01', 18, 'TOO_OLD'],
    ['2008-06-01', '2026-12-01', 21, null],
  ] as const)('born %s, received %s, limit %i → %s', (born, received, limit, problem) => {
    expect(reportedAgeProblem(date(born), date(received), limit)).toBe(problem);
  });
});

describe('mergeProblem', () => {
  const child = (id: string, districtId = 'd1', birthDate: string | null = '2012-03-15') => ({ id, districtId, birthDate });
  it.each([
    [child('a'), child('a'), 'SAME_RECORD'],
    [child('a'), child('b', 'd2'), 'OTHER_DISTRICT'],
    [child('a'), child('b', 'd1', '2012-03-16'), 'BIRTH_DATES_DIFFER'],
    [child('a'), child('b', 'd1', null), null],
    [child('a'), child('b'), null],
  ] as const)('%o into %o → %s', (kept, merged, problem) => {
    expect(mergeProblem(kept, merged)).toBe(problem);
  });
});

describe('sentNameDiffers', () => {
  const record = { givenName: 'Åsa', familyName: 'Östberg' };
  it.each([
    [{ givenName: 'asa', familyName: 'OSTBERG' }, false],
    [{ givenName: '', familyName: 'Östberg' }, false],
    [{ givenName: 'Åsa', familyName: '' }, false],
    [{ givenName: 'Åse', familyName: 'Östberg' }, true],
    [{ givenName: 'Åsa', familyName: 'Berg' }, true],
  ])('%o → %s', (sent, differs) => {
    expect(sentNameDiffers(sent, record)).toBe(differs);
  });
});
