import {
  Button,
  Checkbox,
  Details,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Select,
  Switch,
  Table,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useMutation, useQuery } from '@apollo/client/react';
import { FormEvent, useState } from 'react';
import { GeneralErrors, useFormErrors } from '../components/FormErrors';
import { Empty, ErrorAlert, Loading } from '../components/Status';
import { takeField } from '../errors';
import { graphql } from '../gql';
import type { AgenciesQuery, AgencyKind } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { ResponsiveTable } from '../components/ResponsiveTable';

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

function DistrictChoice({
  legend,
  districts,
  value,
  onChange,
  error,
}: {
  legend: string;
  districts: District[];
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
}) {
  return (
    <Fieldset>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {districts.map((d) => (
        <Checkbox
          key={d.id}
          label={d.name}
          checked={value.includes(d.id)}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onChange(e.target.checked ? [...value, d.id] : value.filter((x) => x !== d.id))}
        />
      ))}
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Fieldset>
  );
}

function EditDistricts({ agency, districts }: { agency: Agency; districts: District[] }) {
  const { t } = useI18n();
  const [value, setValue] = useState(agency.districts.map((d) => d.id));
  const [save, { loading, error }] = useMutation(SET_DISTRICTS);
  const server = useFormErrors(error, { districtIds: t.admin.districts });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save({ variables: { input: { agencyId: agency.id, districtIds: value } } }).catch(() => undefined);
  };
  return (
    <Details>
      <Details.Summary>{t.admin.editDistricts(agency.name)}</Details.Summary>
      <Details.Content>
        <form onSubmit={submit} noValidate className="form">
          <DistrictChoice
            legend={t.admin.districts}
            districts={districts}
            value={value}
            onChange={setValue}
            error={takeField(server, 'districtIds')}
          />
          <GeneralErrors errors={server} />
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
  const [tried, setTried] = useState(false);
  const [create, { loading, error, data }] = useMutation(CREATE_AGENCY, { refetchQueries: ['Agencies'], awaitRefetchQueries: true });
  const server = useFormErrors(error, { name: t.admin.name, kind: t.admin.kind, districtIds: t.admin.districts });
  const need = (ok: boolean, field: string) => (tried && !ok ? t.required : undefined) ?? takeField(server, field);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!name.trim() || !kind) return;
    create({ variables: { input: { name: name.trim(), kind, isPublicAuthority, districtIds } } }).then(
      () => {
        setName('');
        setKind('');
        setDistrictIds([]);
        setTried(false);
      },
      () => undefined,
    );
  };
  return (
    <section aria-labelledby="create-agency-title" className="card">
      <Heading level={2} data-size="sm" id="create-agency-title">
        {t.admin.createAgency}
      </Heading>
      <form onSubmit={submit} noValidate className="form">
        <div className="row">
          <Textfield label={t.admin.name} value={name} onChange={(e) => setName(e.target.value)} error={need(!!name.trim(), 'name')} />
          <Field>
            <Label>{t.admin.kind}</Label>
            <Select
              value={kind}
              onChange={(e) => setKind(e.target.value as AgencyKind)}
              aria-invalid={need(!!kind, 'kind') ? true : undefined}
            >
              <Select.Option value="">{t.flag.choose}</Select.Option>
              {KINDS.map((k) => (
                <Select.Option key={k} value={k}>
                  {t.admin.agencyKinds[k]}
                </Select.Option>
              ))}
            </Select>
            {need(!!kind, 'kind') && <ValidationMessage>{need(!!kind, 'kind')}</ValidationMessage>}
          </Field>
        </div>
        <Checkbox label={t.admin.publicAuthority} checked={isPublicAuthority} onChange={(e) => setPublic(e.target.checked)} />
        <DistrictChoice
          legend={t.admin.districts}
          districts={districts}
          value={districtIds}
          onChange={setDistrictIds}
          error={takeField(server, 'districtIds')}
        />
        <GeneralErrors errors={server} />
        {data && !error && <Paragraph role="status">{t.admin.created(data.createAgency.name)}</Paragraph>}
        <div>
          <Button type="submit" loading={loading}>
            {t.admin.create}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** Admin: the municipality's agencies, whether they are public authorities, and their districts. */
export function AgenciesPage() {
  const { t } = useI18n();
  const { data, loading, error, refetch } = useQuery(AGENCIES);
  const agencies = data?.agencies ?? [];
  const districts = data?.districts ?? [];
  return (
    <section aria-labelledby="agencies-title">
      <Heading level={1} data-size="lg" id="agencies-title">
        {t.admin.agenciesTitle}
      </Heading>
      <Paragraph>{t.admin.agenciesIntro}</Paragraph>
      <ErrorAlert error={error} onRetry={refetch} />
      {loading && !data && <Loading />}
      {data && agencies.length === 0 && <Empty>{t.admin.agenciesEmpty}</Empty>}
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
    </section>
  );
}
