/** A closed case takes no more plan writes: the refusal collaboration.service.ts gives every one of them. */
import { FakeClock } from '../../domain/time/clock';
import { addAction, COORDINATOR, insertChild, ok, openCase, userIdOf } from '../../test/helpers/collaboration';
import { T0 } from '../../test/helpers/talk-steps';
import { createTestApp, TestApp } from '../../test/helpers/test-app';

let app: TestApp;

beforeEach(async () => {
  app = await createTestApp({ clock: new FakeClock(T0) });
});

afterEach(() => app.close());

const DUE = '2026-12-15T08:00:00Z';

describe('writes to a closed collaboration case', () => {
  it('are refused as a conflict, for the case and for its actions', async () => {
    const { childId } = await insertChild(app, '2012-05-10', 'Alva');
    const caseId = await openCase(app, childId);
    const actionId = await addAction(app, caseId, COORDINATOR, 'OTHER', 'Träffa familjen.', DUE);
    const close = `mutation($i: CloseCollaborationCaseInput!) { closeCollaborationCase(input: $i) { id } }`;
    await ok(app, COORDINATOR, close, { i: { caseId, reason: 'GOALS_MET' } });

    const coordinatorId = await userIdOf(app, COORDINATOR);
    const writes: [string, string, Record<string, unknown>][] = [
      ['addPlanAction', 'AddPlanActionInput', { caseId, kind: 'OTHER', description: 'Ny.', responsibleUserId: coordinatorId, dueAt: DUE }],
      ['scheduleFollowUp', 'ScheduleFollowUpInput', { caseId, kind: 'FOLLOW_UP', scheduledAt: DUE, attendeeUserIds: [] }],
      ['addTeamMember', 'AddTeamMemberInput', { caseId, userId: coordinatorId }],
      ['removeTeamMember', 'RemoveTeamMemberInput', { caseId, userId: coordinatorId }],
      ['setGoals', 'SetGoalsInput', { caseId, youthGoals: ['Gå i skolan.'], agencyGoals: [] }],
      ['updatePlanAction', 'UpdatePlanActionInput', { actionId, dueAt: DUE }],
      ['addActionNote', 'AddActionNoteInput', { actionId, text: 'En anteckning.' }],
    ];
    for (const [name, inputType, input] of writes) {
      const result = await app.as(COORDINATOR, `mutation($i: ${inputType}!) { ${name}(input: $i) { id } }`, { i: input });
      expect({ name, errors: result.errors?.map((e) => ({ code: e.extensions?.code, message: e.message })) }).toEqual({
        name,
        errors: [{ code: 'CONFLICT', message: 'The collaboration case is closed.' }],
      });
    }
  });
});
