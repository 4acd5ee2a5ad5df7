import { Button, Field, Heading, Label, Paragraph, Select, Table, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation } from '@apollo/client/react';
import { FormEvent, useState } from 'react';
import { FormErrorSummary, problemsOf, useErrorSummary } from '../components/ErrorSummary';
import { GeneralErrors, useFormErrors } from '../components/FormErrors';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { Empty, ErrorAlert } from '../components/Status';
import { takeField } from '../errors';
import { graphql } from '../gql';
import type { UsersQuery } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';

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
  const [tried, setTried] = useState(false);
  const summary = useErrorSummary();
  const [register, { loading, error, data }] = useMutation(REGISTER, { refetchQueries: ['Users'], awaitRefetchQueries: true });
  const server = useFormErrors(error, { agencyId: t.admin.agency, subject: t.clients.subject, displayName: t.clients.name });
  const need = (value: string, field: string) => (tried && !value.trim() ? t.required : undefined) ?? takeField(server, field);
  const errors = { agencyId: need(agencyId, 'agencyId'), subject: need(subject, 'subject'), displayName: need(displayName, 'displayName') };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!agencyId || !subject.trim() || !displayName.trim()) return summary.failed();
    register({ variables: { input: { agencyId, subject: subject.trim(), displayName: displayName.trim() } } }).then(
      () => {
        setSubject('');
        setDisplayName('');
        setTried(false);
      },
      () => undefined,
    );
  };
  return (
    <form onSubmit={submit} noValidate className="form">
      <FormErrorSummary
        problems={problemsOf([
          ['client-agency', errors.agencyId],
          ['client-subject', errors.subject],
          ['client-name', errors.displayName],
        ])}
        attempt={summary.attempt}
      />
      <div className="row">
        <Field>
          <Label htmlFor="client-agency">{t.admin.agency}</Label>
          <Select
            id="client-agency"
            value={agencyId}
            onChange={(e) => setAgencyId(e.target.value)}
            aria-invalid={errors.agencyId ? true : undefined}
          >
            <Select.Option value="">{t.flag.choose}</Select.Option>
            {agencies
              .filter((a) => SENDING_KINDS.includes(a.kind))
              .map((a) => (
                <Select.Option key={a.id} value={a.id}>
                  {a.name}
                </Select.Option>
              ))}
          </Select>
          {errors.agencyId && <ValidationMessage>{errors.agencyId}</ValidationMessage>}
        </Field>
        <Textfield
          id="client-subject"
          label={t.clients.subject}
          description={t.clients.subjectHint}
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
          error={errors.subject}
          autoComplete="off"
        />
        <Textfield
          id="client-name"
          label={t.clients.name}
          description={t.clients.nameHint}
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          error={errors.displayName}
        />
      </div>
      <GeneralErrors errors={server} />
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
    <section aria-labelledby="clients-title" className="card">
      <Heading level={2} data-size="sm" id="clients-title">
        {t.clients.title}
      </Heading>
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
    </section>
  );
}
