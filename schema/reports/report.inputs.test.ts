import 'reflect-metadata';
import { validate } from 'class-validator';
import { ReportConcernInput, ReportedChildInput, SubmittedPoliceFactsInput } from './report.inputs';

const POLICE_FACTS = { firstKnownSuspicion: true, preInvestigationRunning: false, guardianContactOnHold: false };
const CONCERN = {
  child: Object.assign(new ReportedChildInput(), { givenName: 'Wilma', familyName: 'Olsson' }),
  category: null,
  description: 'Snatteri i butik.',
  feedbackRequested: true,
  idempotencyKey: 'concern-0001',
};

async function refused<T extends object>(Input: new () => T, fields: object): Promise<string[]> {
  const errors = await validate(Object.assign(new Input(), fields));
  return errors.map((error) => error.property).sort();
}

describe('the police facts, shared by a police report and a report a police system sends', () => {
  it.each([
    ['ReportConcernInput', ReportConcernInput, CONCERN],
    ['SubmittedPoliceFactsInput', SubmittedPoliceFactsInput, {}],
  ] as const)('%s checks them', async (_name, Input, rest) => {
    expect(await refused(Input, { ...rest, ...POLICE_FACTS, policeReference: 'K-4711-26', suspectedOffence: 'Snatteri' })).toEqual([]);
    expect(await refused(Input, { ...rest, ...POLICE_FACTS, policeReference: 'K', suspectedOffence: 'x'.repeat(501) })).toEqual([
      'policeReference',
      'suspectedOffence',
    ]);
  });

  it('leave the checks of the concern itself in place', async () => {
    expect(await refused(ReportConcernInput, { ...CONCERN, ...POLICE_FACTS, description: '' })).toEqual(['description']);
  });
});
