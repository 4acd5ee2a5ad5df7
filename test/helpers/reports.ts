import { TestApp } from './test-app';

/** Input for the police's report of a first suspected theft that can lead to prison; `fields` add the rest or change any. */
export function suspectedCrimeInput<F extends Record<string, unknown>>(fields: F) {
  return {
    category: 'SUSPECTED_CRIME',
    description: 'Misstänkt för snatteri för första gången.',
    suspectedOffence: 'Snatteri',
    offenceCanLeadToPrison: true,
    firstKnownSuspicion: true,
    preInvestigationRunning: false,
    guardianContactOnHold: false,
    feedbackRequested: true,
    ...fields,
  };
}

/** The personal identity number of the first seeded child in Norr. */
export async function firstNorrChildNumber(app: TestApp): Promise<string> {
  const [{ personal_identity_number: number }] = await app.sql(
    `SELECT c.personal_identity_number FROM child c JOIN district d ON d.id = c.district_id WHERE d.code = 'norr' ORDER BY c.id LIMIT 1`,
  );
  return number;
}
