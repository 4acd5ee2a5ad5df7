import { Button, Details, Field, Label, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { ErrorAlert, ListStatus } from '../components/Status';
import { BoundField, CheckboxesField, SelectField, useForm } from '../components/use-form';
import { graphql } from '../gql';
import type { Role, UsersQuery } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { IntakeClients } from './IntakeClients';
import { SectionCard } from '../components/SectionCard';
import { PageSection } from '../components/PageSection';

const USERS = graphql(`
  query Users($agencyId: ID) {
    users(agencyId: $agencyId, first: 1000) {
      id
      email
      displayName
      roles
      signedIn
      disabledAt
      agency {
        id
        name
      }
    }
    agencies {
      id
      name
      kind
    }
  }
`);
const CREATE_USER = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
      displayName
    }
  }
`);
const SET_ROLES = graphql(`
  mutation SetUserRoles($input: SetUserRolesInput!) {
    setUserRoles(input: $input) {
      id
      roles
      agency {
        id
        name
      }
    }
  }
`);
const DISABLE = graphql(`
  mutation DisableUser($userId: ID!) {
    disableUser(userId: $userId) {
      id
      disabledAt
    }
  }
`);
const ENABLE = graphql(`
  mutation EnableUser($userId: ID!) {
    enableUser(userId: $userId) {
      id
      disabledAt
    }
  }
`);

const ROLES: Role[] = [
  'SCHOOL_STAFF',
  'SOCIAL_WORKER',
  'SOCIAL_SERVICES_SUPERVISOR',
  'POLICE_OFFICER',
  'LEISURE_STAFF',
  'SSPF_COORDINATOR',
  'ANALYST',
  'AGENCY_LEAD',
  'ADMIN',
];
type User = UsersQuery['users'][number];
type Agency = UsersQuery['agencies'][number];
/** The list answers up to 1000 users at once; the page shows them a screenful at a time. */
const PAGE_SIZE = 25;

function RoleChoice({ field, roles, onChange }: { field: BoundField; roles: Role[]; onChange: (roles: Role[]) => void }) {
  const { t } = useI18n();
  const options = ROLES.map((r) => ({ value: r, label: t.roles[r] }));
  return <CheckboxesField field={field} options={options} selected={roles} onChange={onChange} className="checkbox-grid" />;
}

function AgencySelect({
  field,
  agencies,
  value,
  onChange,
}: {
  field: BoundField;
  agencies: Agency[];
  value: string;
  onChange: (id: string) => void;
}) {
  return (
    <SelectField field={field} value={value} onChange={onChange}>
      {agencies.map((a) => (
        <Select.Option key={a.id} value={a.id}>
          {a.name}
        </Select.Option>
      ))}
    </SelectField>
  );
}

function CreateUserForm({ agencies }: { agencies: Agency[] }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [agencyId, setAgencyId] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [create, { loading, error, data }] = useMutation(CREATE_USER, { refetchQueries: ['Users'], awaitRefetchQueries: true });
  const form = useForm(
    {
      email: { id: 'create-user-email', label: t.admin.email, value: email, required: true },
      displayName: { id: 'create-user-name', label: t.admin.name, value: displayName, required: true },
      agencyId: { id: 'create-user-agency', label: t.admin.agency, value: agencyId, kind: 'choice', required: true },
      roles: { id: 'create-user-roles', label: t.admin.roles, value: roles, kind: 'choices', required: true },
    },
    { error },
  );
  const submit = form.submit(() =>
    create({ variables: { input: { email: email.trim(), displayName: displayName.trim(), agencyId, roles } } }).then(() => {
      setEmail('');
      setDisplayName('');
      setRoles([]);
      form.reset();
    }),
  );
  return (
    <SectionCard id="create-user-title" title={t.admin.createUser}>
      <form onSubmit={submit} noValidate className="form">
        {form.summary}
        <div className="row">
          <Textfield type="email" {...form.field('email')} value={email} onChange={(e) => setEmail(e.target.value)} />
          <Textfield {...form.field('displayName')} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
          <AgencySelect field={form.field('agencyId')} agencies={agencies} value={agencyId} onChange={setAgencyId} />
        </div>
        <RoleChoice field={form.field('roles')} roles={roles} onChange={setRoles} />
        {data && !error && <Paragraph role="status">{t.admin.created(data.createUser.displayName)}</Paragraph>}
        <div>
          <Button type="submit" loading={loading}>
            {t.admin.create}
          </Button>
        </div>
      </form>
    </SectionCard>
  );
}

function EditUser({ user, agencies }: { user: User; agencies: Agency[] }) {
  const { t } = useI18n();
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [agencyId, setAgencyId] = useState(user.agency.id);
  // The answer updates the row in the cache. A refetch here raced the next action: one still in flight when the
  // administrator disabled the user answered after the disable and put the old row back ("Avstängd" never showed).
  const [save, saveState] = useMutation(SET_ROLES);
  const [disable, disableState] = useMutation(DISABLE);
  const [enable, enableState] = useMutation(ENABLE);
  const form = useForm(
    {
      roles: { id: `user-${user.id}-roles`, label: t.admin.roles, value: roles, kind: 'choices', required: true },
      agencyId: { id: `user-${user.id}-agency`, label: t.admin.agency, value: agencyId, kind: 'choice', required: true },
    },
    { error: saveState.error },
  );
  const submit = form.submit(() =>
    save({ variables: { input: { userId: user.id, roles, agencyId: agencyId !== user.agency.id ? agencyId : null } } }),
  );
  return (
    <Details>
      <Details.Summary>{t.admin.edit(user.displayName)}</Details.Summary>
      <Details.Content>
        <form onSubmit={submit} noValidate className="form">
          {form.summary}
          <RoleChoice field={form.field('roles')} roles={roles} onChange={setRoles} />
          <AgencySelect field={form.field('agencyId')} agencies={agencies} value={agencyId} onChange={setAgencyId} />
          <div className="actions">
            <Button type="submit" variant="secondary" loading={saveState.loading}>
              {t.admin.saveRoles}
            </Button>
            {user.disabledAt ? (
              <Button
                type="button"
                variant="secondary"
                loading={enableState.loading}
                onClick={() => enable({ variables: { userId: user.id } }).catch(() => undefined)}
              >
                {t.admin.enable}
              </Button>
            ) : (
              <Button
                type="button"
                variant="secondary"
                data-color="danger"
                loading={disableState.loading}
                onClick={() => disable({ variables: { userId: user.id } }).catch(() => undefined)}
              >
                {t.admin.disable}
              </Button>
            )}
          </div>
          <ErrorAlert error={disableState.error ?? enableState.error} />
        </form>
      </Details.Content>
    </Details>
  );
}

/** Admin: the municipality's users, their roles and agency, and disabling. */
export function UsersPage() {
  const { t, formatDate } = useI18n();
  const [agencyId, setAgencyId] = useState('');
  const [shown, setShown] = useState(PAGE_SIZE);
  const { data, loading, error, refetch } = useQuery(USERS, { variables: { agencyId: agencyId || null } });
  const users = data?.users ?? [];
  const agencies = data?.agencies ?? [];
  return (
    <PageSection id="users-title" title={t.admin.usersTitle}>
      <Paragraph>{t.admin.usersIntro}</Paragraph>
      <div className="toolbar">
        <Field>
          <Label>{t.admin.filterAgency}</Label>
          <Select
            value={agencyId}
            onChange={(e) => {
              setAgencyId(e.target.value);
              setShown(PAGE_SIZE);
            }}
          >
            <Select.Option value="">{t.admin.allAgencies}</Select.Option>
            {agencies.map((a) => (
              <Select.Option key={a.id} value={a.id}>
                {a.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </div>
      <ListStatus data={data} loading={loading} error={error} onRetry={refetch} count={users.length} empty={t.admin.empty} />
      {users.length > 0 && (
        <ResponsiveTable zebra className="data-table">
          <caption className="visually-hidden">{t.admin.usersTitle}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t.admin.name}</Table.HeaderCell>
              <Table.HeaderCell>{t.admin.agency}</Table.HeaderCell>
              <Table.HeaderCell>{t.admin.roles}</Table.HeaderCell>
              <Table.HeaderCell>{t.report.status}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {users.slice(0, shown).map((u) => (
              <Table.Row key={u.id} data-email={u.email}>
                <Table.Cell>
                  {u.displayName}
                  <br />
                  <span className="muted small">{u.email}</span>
                </Table.Cell>
                <Table.Cell>{u.agency.name}</Table.Cell>
                <Table.Cell>{u.roles.map((r) => t.roles[r]).join(', ')}</Table.Cell>
                <Table.Cell>
                  {u.disabledAt ? (
                    <Tag data-color="danger">{t.admin.disabledSince(formatDate(u.disabledAt))}</Tag>
                  ) : (
                    <Tag data-color="success">{u.signedIn ? t.admin.signedIn : t.admin.active}</Tag>
                  )}
                  <EditUser key={`${u.roles.join()}-${u.agency.id}`} user={u} agencies={agencies} />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </ResponsiveTable>
      )}
      {users.length > shown ? (
        <Button variant="secondary" onClick={() => setShown((n) => n + PAGE_SIZE)}>
          {t.loadMore}
        </Button>
      ) : (
        users.length > 0 && (
          <Paragraph data-size="sm" className="muted">
            {t.noMore}
          </Paragraph>
        )
      )}
      <CreateUserForm agencies={agencies} />
      {data && <IntakeClients users={users} agencies={agencies} />}
    </PageSection>
  );
}
