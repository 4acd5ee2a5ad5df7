import { TestApp } from './test-app';

export const ANALYST = 'analytiker@samverka.test';
const CELL_FIELDS = 'indicator districtName period value numerator denominator pending suppressed';

/** The indicator cells of a period as `email` reads them; an answer with errors fails the test. */
export async function indicatorCells(
  app: TestApp,
  period: { unit: string; from: string; to: string },
  fields = CELL_FIELDS,
  email = ANALYST,
): Promise<any[]> {
  const result = await app.as(email, `query($p: IndicatorPeriodInput!) { indicators(period: $p) { ${fields} } }`, { p: period });
  expect(result.errors).toBeUndefined();
  return result.data.indicators;
}
