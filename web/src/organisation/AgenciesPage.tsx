import { Button, Checkbox, Details, Paragraph, Select, Switch, Table, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { GeneralErrors, useFormErrors } from '../components/FormErrors';
import { ListStatus } from '../components/Status';
import { CheckboxesField, SelectField, useForm } from '../components/use-form';
import { graphql } from '../gql';
import type { AgenciesQuery, AgencyKind } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { SectionCard } from '../components/SectionCard';
import { PageSection } from '../components/PageSection';

const AGENCIES = graphql(`
  query Agencies {
    agencies {
      id
      name
      kind
      isPublicAuthority
      dutyToReport
      districts {
        id
        name
      }
    }
    districts {
      id
      name
    }
  }
`);
const CREATE_AGENCY = graphql(`
  mutation CreateAgency($input: CreateAgencyInput!) {
    createAgency(input: $input) {
      id
      name
    }
  }
`);
const SET_DISTRICTS = graphql(`
  mutation SetAgencyDistricts($input: SetAgencyDistrictsInput!) {
    setAgencyDistricts(input: $input) {
      id
      districts {
        id
        name
      }
    }
  }
`);

const SET_DUTY = graphql(`
  mutation SetAgencyDutyToReport($input: SetAgencyDutyToReportInput!) {
    setAgencyDutyToReport(input: $input) {
      id
      dutyToReport
    }
  }
`);

/** Whether the agency's staff have the duty to report (SoL 14:1): their right to feedback follows it. */
function DutyToReport({ agency }: { agency: Agency }) {
  const { t } = useI18n();
  const [save, { loading, error }] = useMutation(SET_DUTY);
  const errors = useFormErrors(error);
  return (
    <div>
      <Switch
        label={
          <>
            {t.admin.dutyToReport}
            <span className="visually-hidden"> {t.admin.dutyToReportFor(agency.name)}</span>
          </>
        }
        checked={agency.dutyToReport}
        disabled={loading}
        onChange={(e) => save({ variables: { input: { agencyId: agency.id, dutyToReport: e.target.checked } } }).catch(() => undefined)}
      />
      <GeneralErrors errors={errors} />
    </div>
  );
}

const KINDS: AgencyKind[] = ['SCHOOL', 'SOCIAL_SERVICES', 'POLICE', 'LEISURE', 'MUNICIPALITY'];
type District = AgenciesQuery['districts'][number];
type Agency = AgenciesQuery['agencies'][number];

function EditDistricts({ agency, districts }: { agency: Agency; districts: District[] }) {
  const { t } = useI18n();
  const [value, setValue] = useState(agency.districts.map((d) => d.id));
  const [save, { loading, error }] = useMutation(SET_DISTRICTS);
  const form = useForm(
    { districtIds: { id: `agency-${agency.id}-district-0`, label: t.admin.districts, value, kind: 'choices', required: true } },
    { error },
  );
  const submit = form.submit(() => save({ variables: { input: { agencyId: agency.id, districtIds: value } } }));
  return (
    <Details>
      <Details.Summary>{t.admin.editDistricts(agency.name)}</Details.Summary>
      <Details.Content>
        <form onSubmit={submit} noValidate className="form">
          {form.summary}
          <CheckboxesField
            field={form.field('districtIds')}
            options={districts.map((d) => ({ value: d.id, label: d.name }))}
            selected={value}
            onChange={setValue}
          />
          <div>
            <Button type="submit" variant="secondary" loading={loading}>
              {t.admin.saveDistricts}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}

function CreateAgencyForm({ districts }: { districts: District[] }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<AgencyKind | ''>('');
  const [isPublicAuthority, setPublic] = useState(true);
  const [districtIds, setDistrictIds] = useState<string[]>([]);
  const [create, { loading, error, data }] = useMutation(CREATE_AGENCY, { refetchQueries: ['Agencies'], awaitRefetchQueries: true });
  const form = useForm(
    {
      name: { id: 'create-agency-name', label: t.admin.name, value: name, required: true },
      kind: { id: 'create-agency-kind', label: t.admin.kind, value: kind, kind: 'choice', required: true },
      districtIds: { id: 'create-agency-district-0', label: t.admin.districts, value: districtIds },
    },
    { error },
  );
  const submit = form.submit(() =>
    create({ variables: { input: { name: name.trim(), kind: kind as AgencyKind, isPublicAuthority, districtIds } } }).then(() => {
      setName('');
      setKind('');
      setDistrictIds([]);
      form.reset();
    }),
  );
  return (
    <SectionCard id="create-agency-title" title={t.admin.createAgency}>
      <form onSubmit={submit} noValidate className="form">
        {form.summary}
        <div className="row">
          <Textfield {...form.field('name')} value={name} onChange={(e) => setName(e.target.value)} />
          <SelectField field={form.field('kind')} value={kind} onChange={(v) => setKind(v as AgencyKind)}>
            {KINDS.map((k) => (
              <Select.Option key={k} value={k}>
                {t.admin.agencyKinds[k]}
              </Select.Option>
            ))}
          </SelectField>
        </div>
        <Checkbox label={t.admin.publicAuthority} checked={isPublicAuthority} onChange={(e) => setPublic(e.target.checked)} />
        <CheckboxesField
          field={form.field('districtIds')}
          options={districts.map((d) => ({ value: d.id, label: d.name }))}
          selected={districtIds}
          onChange={setDistrictIds}
        />
        {data && !error && <Paragraph role="status">{t.admin.created(data.createAgency.name)}</Paragraph>}
        <div>
          <Button type="submit" loading={loading}>
            {t.admin.create}
          </Button>
        </div>
      </form>
    </SectionCard>
  );
}

/** Admin: the municipality's agencies, whether they are public authorities, and their districts. */
export function AgenciesPage() {
  const { t } = useI18n();
  const { data, loading, error, refetch } = useQuery(AGENCIES);
  const agencies = data?.agencies ?? [];
  const districts = data?.districts ?? [];
  return (
    <PageSection id="agencies-title" title={t.admin.agenciesTitle}>
      <Paragraph>{t.admin.agenciesIntro}</Paragraph>
      <ListStatus data={data} loading={loading} error={error} onRetry={refetch} count={agencies.length} empty={t.admin.agenciesEmpty} />
      {agencies.length > 0 && (
        <ResponsiveTable zebra className="data-table">
          <caption className="visually-hidden">{t.admin.agenciesTitle}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t.admin.name}</Table.HeaderCell>
              <Table.HeaderCell>{t.admin.kind}</Table.HeaderCell>
              <Table.HeaderCell>{t.admin.districts}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {agencies.map((a) => (
              <Table.Row key={a.id}>
                <Table.Cell>{a.name}</Table.Cell>
                <Table.Cell>
                  {t.admin.agencyKinds[a.kind]} · {a.isPublicAuthority ? t.admin.isPublic : t.admin.isPrivate}
                  <DutyToReport agency={a} />
                </Table.Cell>
                <Table.Cell>
                  <span data-testid="agency-districts">{a.districts.map((d) => d.name).join(', ') || '–'}</span>
                  <EditDistricts key={a.districts.map((d) => d.id).join()} agency={a} districts={districts} />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </ResponsiveTable>
      )}
      <CreateAgencyForm districts={districts} />
    </PageSection>
  );
}
