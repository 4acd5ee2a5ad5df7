import { Button, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { SelectField, useForm } from '../components/use-form';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { Empty, ErrorAlert } from '../components/Status';
import { graphql } from '../gql';
import type { UsersQuery } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { SectionCard } from '../components/SectionCard';

const REGISTER = graphql(`
  mutation RegisterIntakeClient($input: RegisterIntakeClientInput!) {
    registerIntakeClient(input: $input) {
      id
      displayName
    }
  }
`);
const DISABLE_CLIENT = graphql(`
  mutation DisableIntakeClient($userId: ID!) {
    disableUser(userId: $userId) {
      id
      disabledAt
    }
  }
`);

type User = UsersQuery['users'][number];
type Agency = UsersQuery['agencies'][number];
/** The agencies that send reports: a client is bound to one of them (docs/machine-clients.md). */
const SENDING_KINDS = ['POLICE', 'SCHOOL', 'LEISURE'];

function RegisterForm({ agencies }: { agencies: Agency[] }) {
  const { t } = useI18n();
  const [agencyId, setAgencyId] = useState('');
  const [subject, setSubject] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [register, { loading, error, data }] = useMutation(REGISTER, { refetchQueries: ['Users'], awaitRefetchQueries: true });
  const form = useForm(
    {
      agencyId: { id: 'client-agency', label: t.admin.agency, value: agencyId, kind: 'choice', required: true },
      subject: { id: 'client-subject', label: t.clients.subject, value: subject, required: true },
      displayName: { id: 'client-name', label: t.clients.name, value: displayName, required: true },
    },
    { error },
  );
  const submit = form.submit(() =>
    register({ variables: { input: { agencyId, subject: subject.trim(), displayName: displayName.trim() } } }).then(() => {
      setSubject('');
      setDisplayName('');
      form.reset();
    }),
  );
  return (
    <form onSubmit={submit} noValidate className="form">
      {form.summary}
      <div className="row">
        <SelectField field={form.field('agencyId')} value={agencyId} onChange={setAgencyId}>
          {agencies
            .filter((a) => SENDING_KINDS.includes(a.kind))
            .map((a) => (
              <Select.Option key={a.id} value={a.id}>
                {a.name}
              </Select.Option>
            ))}
        </SelectField>
        <Textfield
          {...form.field('subject')}
          description={t.clients.subjectHint}
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
          autoComplete="off"
        />
        <Textfield
          {...form.field('displayName')}
          description={t.clients.nameHint}
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
        />
      </div>
      {data && !error && <Paragraph role="status">{t.clients.registered(data.registerIntakeClient.displayName)}</Paragraph>}
      <div>
        <Button type="submit" loading={loading}>
          {t.clients.register}
        </Button>
      </div>
    </form>
  );
}

function DisableClient({ user }: { user: User }) {
  const { t } = useI18n();
  const [disable, { loading, error }] = useMutation(DISABLE_CLIENT);
  return (
    <>
      <Button
        type="button"
        variant="secondary"
        data-color="danger"
        data-size="sm"
        loading={loading}
        aria-label={t.clients.disable(user.displayName)}
        onClick={() => disable({ variables: { userId: user.id } }).catch(() => undefined)}
      >
        {t.admin.disable}
      </Button>
      <ErrorAlert error={error} />
    </>
  );
}

/** Admin: the case systems that send reports as OAuth2 clients, and registering one (issue 23). */
export function IntakeClients({ users, agencies }: { users: User[]; agencies: Agency[] }) {
  const { t, formatDate } = useI18n();
  const clients = users.filter((u) => u.roles.includes('INTAKE_CLIENT'));
  return (
    <SectionCard id="clients-title" title={t.clients.title}>
      <Paragraph data-size="sm">{t.clients.intro}</Paragraph>
      {clients.length === 0 ? (
        <Empty>{t.clients.empty}</Empty>
      ) : (
        <ResponsiveTable className="data-table" data-testid="intake-clients">
          <caption className="visually-hidden">{t.clients.title}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t.clients.name}</Table.HeaderCell>
              <Table.HeaderCell>{t.admin.agency}</Table.HeaderCell>
              <Table.HeaderCell>{t.report.status}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {clients.map((c) => (
              <Table.Row key={c.id}>
                <Table.Cell>{c.displayName}</Table.Cell>
                <Table.Cell>{c.agency.name}</Table.Cell>
                <Table.Cell>
                  {c.disabledAt ? (
                    <Tag data-color="danger">{t.admin.disabledSince(formatDate(c.disabledAt))}</Tag>
                  ) : (
                    <>
                      <Tag data-color="success">{t.admin.active}</Tag> <DisableClient user={c} />
                    </>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </ResponsiveTable>
      )}
      <RegisterForm agencies={agencies} />
    </SectionCard>
  );
}
