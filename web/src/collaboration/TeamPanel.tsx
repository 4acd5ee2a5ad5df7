import { Button, Field, Heading, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { SelectField, useForm } from '../components/use-form';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import { CaseData, REFETCH_CASE } from './case.queries';

const TEAM_CANDIDATES = graphql(`
  query TeamCandidates($caseId: ID!) {
    teamCandidates(caseId: $caseId) {
      id
      displayName
      agency {
        id
        name
      }
    }
  }
`);
const ADD_TEAM_MEMBER = graphql(`
  mutation AddTeamMember($input: AddTeamMemberInput!) {
    addTeamMember(input: $input) {
      id
    }
  }
`);

function AddMemberForm({ theCase }: { theCase: CaseData }) {
  const { t } = useI18n();
  const candidates = useQuery(TEAM_CANDIDATES, { variables: { caseId: theCase.id }, fetchPolicy: 'cache-and-network' });
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState('');
  const [add, { loading, error }] = useMutation(ADD_TEAM_MEMBER, REFETCH_CASE);
  const form = useForm(
    {
      userId: { id: 'member-user', label: t.cases.member, value: userId, kind: 'choice', required: true },
      role: { id: 'member-role', label: t.cases.memberRole, value: role },
    },
    { error },
  );
  const onTeam = new Set((theCase.team ?? []).map((m) => m.person?.id));
  const offered = (candidates.data?.teamCandidates ?? []).filter((c) => !onTeam.has(c.id) && c.id !== theCase.coordinator?.id);
  const submit = form.submit(() =>
    add({ variables: { input: { caseId: theCase.id, userId, role: role.trim() || null } } }).then(() => {
      setUserId('');
      setRole('');
      form.reset();
    }),
  );
  if (candidates.data && offered.length === 0) return <Paragraph>{t.cases.noCandidates}</Paragraph>;
  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby="add-member-title">
      <Heading level={3} data-size="xs" id="add-member-title">
        {t.cases.addMember}
      </Heading>
      {form.summary}
      <div className="row align-end">
        <SelectField
          field={form.field('userId')}
          value={userId}
          onChange={setUserId}
          description={<Field.Description>{t.cases.memberHint}</Field.Description>}
        >
          {offered.map((c) => (
            <Select.Option key={c.id} value={c.id}>{`${c.displayName ?? ''}, ${c.agency?.name ?? ''}`}</Select.Option>
          ))}
        </SelectField>
        <Textfield {...form.field('role')} value={role} onChange={(e) => setRole(e.target.value)} />
      </div>
      <div>
        <Button type="submit" loading={loading}>
          {t.cases.addMember}
        </Button>
      </div>
    </form>
  );
}

export function TeamPanel({ theCase }: { theCase: CaseData }) {
  const { t, formatDate } = useI18n();
  const team = theCase.team ?? [];
  return (
    <section id="team" aria-labelledby="team-title" className="card case-section">
      <Heading level={2} data-size="sm" id="team-title">
        {t.cases.teamTitle}
      </Heading>
      {team.length === 0 ? (
        <Paragraph>{t.cases.teamEmpty}</Paragraph>
      ) : (
        <ul className="plain-list" data-testid="team">
          {team.map((m) => (
            <li key={m.id}>
              <strong>{m.person?.displayName}</strong>, {m.agency?.name}
              {m.role ? ` (${m.role})` : ''} <span className="muted">· {formatDate(m.addedAt)}</span>
            </li>
          ))}
        </ul>
      )}
      {theCase.state !== 'CLOSED' && <AddMemberForm theCase={theCase} />}
    </section>
  );
}
