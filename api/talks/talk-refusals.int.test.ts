/** The talk writes' refusals that talks.service.ts shares between mutations, through the GraphQL API. */
import { FakeClock } from '../../domain/time/clock';
import { createTestApp, GraphQLResult, TestApp } from '../../test/helpers/test-app';

const SOCSEK = 'socsek.norr@samverka.test';
const PARTICIPANT_FIELDS = 'id participants { id role }';

let app: TestApp;

beforeEach(async () => {
  app = await createTestApp({ clock: new FakeClock('2026-11-23T08:00:00Z') });
});

afterEach(() => app.close());

function mutate(name: string, inputType: string, input: Record<string, unknown>): Promise<GraphQLResult> {
  return app.as(SOCSEK, `mutation($i: ${inputType}!) { ${name}(input: $i) { ${PARTICIPANT_FIELDS} } }`, { i: input });
}

function refusal(result: GraphQLResult) {
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors!;
  return { code: error.extensions?.code, field: error.extensions?.field, message: error.message };
}

async function openTalk(): Promise<string> {
  const [child] = await app.sql(`SELECT c.id FROM child c JOIN district d ON d.id = c.district_id WHERE d.code = 'norr' LIMIT 1`);
  const result = await mutate('openTalk', 'OpenTalkInput', { childId: child.id, kind: 'WORRY_TALK', idempotencyKey: 'refusals' });
  expect(result.errors).toBeUndefined();
  return result.data!.openTalk.id;
}

describe('talk refusals', () => {
  it('a uniform is recorded for police officers only, when invited and when attending', async () => {
    const talkId = await openTalk();
    const socialWorker = { talkId, role: 'SOCIAL_WORKER', userId: await app.idOf('app_user', 'email = $1', [SOCSEK]) };
    expect(refusal(await mutate('addTalkParticipant', 'AddTalkParticipantInput', { ...socialWorker, uniformed: true }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.uniformed',
    });
    const added = await mutate('addTalkParticipant', 'AddTalkParticipantInput', socialWorker);
    const [participant] = added.data!.addTalkParticipant.participants;
    const attendance = { participantId: participant.id, attended: true, uniformed: false };
    expect(refusal(await mutate('recordTalkAttendance', 'RecordTalkAttendanceInput', attendance))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.uniformed',
    });
    const recorded = await mutate('recordTalkAttendance', 'RecordTalkAttendanceInput', { ...attendance, uniformed: null });
    expect(recorded.errors).toBeUndefined();
  });

  it('a closed talk takes no more participants and no disclosures', async () => {
    const talkId = await openTalk();
    expect((await mutate('declineTalk', 'CloseTalkInput', { talkId, reason: 'Familjen tackar nej.' })).errors).toBeUndefined();
    expect(refusal(await mutate('addTalkParticipant', 'AddTalkParticipantInput', { talkId, role: 'INTERPRETER', name: 'Tolk' }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.talkId',
      message: 'The talk is closed: participants can no longer be added.',
    });
    const [socialWorker] = await app.sql(`SELECT id, agency_id FROM app_user WHERE email = $1`, [SOCSEK]);
    const disclosure = { talkId, agencyId: socialWorker.agency_id, explainedByUserId: socialWorker.id };
    expect(refusal(await mutate('recordDisclosure', 'RecordDisclosureInput', disclosure))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.talkId',
      message: 'The disclosure is recorded before the talk starts.',
    });
  });
});
