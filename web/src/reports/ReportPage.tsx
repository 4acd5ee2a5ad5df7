import { Button, Card, Field, Heading, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { ChildTalks } from '../talks/ChildTalks';
import { ReportTalkStanding } from '../talks/ReportTalkStanding';
import { Clock, useNow } from '../deadlines/Clock';
import { IdentityPanel } from './IdentityPanel';
import { ErrorAlert, Loading } from '../components/Status';
import { PrintButton, usePrintHeader } from '../components/Print';
import { RadiosField, SelectField, useForm } from '../components/use-form';
import { graphql } from '../gql';
import type { ExceptionalReason, PreliminaryDecision } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { FeedbackTag } from './MyReportsPage';
import { hasRole, reminderPercentsFor, useViewer } from '../viewer';
import { childName } from '../children/child-summary';
import { AssignColleague } from '../organisation/AssignColleague';
import { ExtendInvestigationForm, ExtensionList } from './ExtendInvestigation';
import { Link } from '../router';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { formatPersonalIdentityNumber } from '../../../domain/children/personal-identity-number';
import { SectionCard } from '../components/SectionCard';

const REPORT = graphql(`
  query Report($id: ID!) {
    report(id: $id) {
      id
      reference
      category
      description
      submittedAt
      policeReference
      childAsReported
      reporterAgency {
        id
        name
      }
      feedbackRequested
      feedbackStatus
      feedbackDueAt
      feedback {
        value
        givenAt
      }
      child {
        id
        givenName
        familyName
        personalIdentityNumber
        district {
          id
          name
        }
      }
      responsible {
        id
        displayName
      }
      protectionAssessedAt
      acuteDanger
      protectionNote
      preliminaryDecision
      preliminaryDecidedAt
      lateReason
      investigationClosedAt
      investigationOutcome
      ...InvestigationExtensionFields
    }
  }
`);

const ASSIGN = graphql(`
  mutation AssignReport($input: AssignReportInput!) {
    assignReport(input: $input) {
      id
      responsible {
        id
        displayName
      }
    }
  }
`);
const PROTECTION = graphql(`
  mutation RecordProtectionAssessment($input: ProtectionAssessmentInput!) {
    recordProtectionAssessment(input: $input) {
      id
      protectionAssessedAt
      acuteDanger
      protectionNote
      deadlines {
        id
        status
        metAt
      }
    }
  }
`);
const PRELIMINARY = graphql(`
  mutation RecordPreliminaryAssessment($input: PreliminaryAssessmentInput!) {
    recordPreliminaryAssessment(input: $input) {
      id
      preliminaryDecision
      preliminaryDecidedAt
      lateReason
      feedbackStatus
      feedback {
        value
        givenAt
      }
      deadlines {
        id
        status
        metAt
      }
    }
  }
`);

const DECISIONS: PreliminaryDecision[] = ['NO_INVESTIGATION', 'OPEN_INVESTIGATION', 'ALREADY_ONGOING'];
/** The law's exceptional reasons for a late decision; workload is not one of them. */
const LATE_REASONS: ExceptionalReason[] = [
  'AWAITING_POLICE_INTERVIEW',
  'AWAITING_OTHER_AUTHORITY',
  'FAMILY_UNREACHABLE',
  'INTERPRETER_NEEDED',
  'OTHER_EXCEPTIONAL',
];

function ProtectionForm({ reportId }: { reportId: string }) {
  const { t } = useI18n();
  const [acute, setAcute] = useState<'yes' | 'no' | ''>('');
  const [note, setNote] = useState('');
  const [record, { loading, error }] = useMutation(PROTECTION);
  const form = useForm(
    {
      acuteDanger: { id: 'protection-acute', label: t.fields.acuteDanger, value: acute, kind: 'choice', required: true },
      note: { id: 'protection-note', label: t.fields.note, value: note, required: true },
    },
    { error },
  );
  const submit = form.submit(() => record({ variables: { input: { reportId, acuteDanger: acute === 'yes', note: note.trim() } } }));
  return (
    <form onSubmit={submit} noValidate className="form">
      {form.summary}
      <RadiosField
        field={form.field('acuteDanger')}
        name="acute"
        options={[
          { value: 'yes', label: t.yes },
          { value: 'no', label: t.no },
        ]}
        value={acute}
        onChange={setAcute}
      />
      <Textfield multiline rows={3} {...form.field('note')} value={note} onChange={(e) => setNote(e.target.value)} />
      <Button type="submit" loading={loading}>
        {t.report.recordProtection}
      </Button>
    </form>
  );
}

function PreliminaryForm({ reportId, late }: { reportId: string; late: boolean }) {
  const { t } = useI18n();
  const [decision, setDecision] = useState('');
  const [lateReason, setLateReason] = useState('');
  const [lateReasonText, setLateReasonText] = useState('');
  const otherReason = lateReason === 'OTHER_EXCEPTIONAL';
  const [record, { loading, error }] = useMutation(PRELIMINARY);
  const form = useForm(
    {
      decision: { id: 'preliminary-decision', label: t.fields.decision, value: decision, kind: 'choice', required: true },
      lateReason: { id: 'preliminary-late-reason', label: t.fields.lateReason, value: lateReason, kind: 'choice', required: late },
      lateReasonText: otherReason
        ? { id: 'preliminary-late-text', label: t.fields.lateReasonText, value: lateReasonText, required: true }
        : null,
    },
    { error },
  );
  const lateField = form.field('lateReason');
  const submit = form.submit(() =>
    record({
      variables: {
        input: {
          reportId,
          decision: decision as PreliminaryDecision,
          lateReason: (lateReason || null) as ExceptionalReason | null,
          lateReasonText: lateReasonText.trim() || null,
        },
      },
    }),
  );
  return (
    <form onSubmit={submit} noValidate className="form">
      {form.summary}
      <RadiosField
        field={form.field('decision')}
        name="decision"
        description={t.report.feedbackNote}
        options={DECISIONS.map((d) => ({ value: d, label: t.decisions[d] }))}
        value={decision}
        onChange={setDecision}
      />
      {(late || lateField.error) && (
        <SelectField
          field={lateField}
          value={lateReason}
          onChange={setLateReason}
          description={<Field.Description>{t.report.lateHelp}</Field.Description>}
        >
          {LATE_REASONS.map((r) => (
            <Select.Option key={r} value={r}>
              {t.exceptionalReasons[r]}
            </Select.Option>
          ))}
        </SelectField>
      )}
      {otherReason && (
        <Textfield
          multiline
          rows={2}
          {...form.field('lateReasonText')}
          value={lateReasonText}
          onChange={(e) => setLateReasonText(e.target.value)}
        />
      )}
      <Button type="submit" loading={loading}>
        {t.report.recordDecision}
      </Button>
    </form>
  );
}

export function ReportPage({ id }: { id: string }) {
  const { t, formatDateTime, formatDate } = useI18n();
  const viewer = useViewer();
  const now = useNow();
  const { data, loading, error } = useQuery(REPORT, { variables: { id } });
  const [assign, assignState] = useMutation(ASSIGN);
  usePrintHeader(data?.report.reference);
  if (loading && !data) return <Loading />;
  if (!data) return <ErrorAlert error={error} />;
  const r = data.report;
  const percents = reminderPercentsFor(viewer, r.child?.district?.id);
  const preliminaryDeadline = r.deadlines?.find((d) => d.kind === 'PRELIMINARY_ASSESSMENT' && !d.metAt);
  const late = !!preliminaryDeadline?.dueAt && Date.parse(preliminaryDeadline.dueAt) < now;
  const supervisor = hasRole(viewer, 'SOCIAL_SERVICES_SUPERVISOR');
  const investigation = r.deadlines?.find((d) => d.kind === 'INVESTIGATION' && d.status !== 'CANCELLED' && !d.metAt);
  const districtId = r.child?.district?.id;
  return (
    <article aria-labelledby="report-title">
      <Heading level={1} data-size="lg" id="report-title">
        {t.report.title(r.reference ?? '')}
      </Heading>
      <PrintButton />
      <div className="grid">
        <Card>
          <Heading level={2} data-size="sm">
            {t.report.details}
          </Heading>
          <dl className="facts">
            <dt>{t.reports.child}</dt>
            <dd>
              {r.child ? (
                <Link href={`/children/${r.child.id}`}>
                  {`${childName(r.child)} ${r.child.personalIdentityNumber ? formatPersonalIdentityNumber(r.child.personalIdentityNumber) : ''}`.trim()}
                </Link>
              ) : (
                r.childAsReported
              )}
            </dd>
            <dt>{t.reports.category}</dt>
            <dd>{r.category ? t.categories[r.category] : '–'}</dd>
            <dt>{t.reports.submitted}</dt>
            <dd>{formatDateTime(r.submittedAt)}</dd>
            <dt>{t.report.reporter}</dt>
            <dd>
              {r.reporterAgency?.name ?? '–'}
              {r.policeReference ? ` · ${r.policeReference}` : ''}
            </dd>
            <dt>{t.reports.feedback}</dt>
            <dd>
              <FeedbackTag status={r.feedbackStatus} />
              {r.feedback?.value && ` ${t.reports.givenOn(t.feedbackValue[r.feedback.value], formatDate(r.feedback.givenAt))}`}
            </dd>
            <dt>{t.reports.responsible}</dt>
            <dd>
              {r.responsible?.displayName ?? t.intake.unassigned}
              {r.responsible?.id !== viewer.id && (
                <Button
                  variant="secondary"
                  data-size="sm"
                  className="inline-button"
                  loading={assignState.loading}
                  onClick={() => assign({ variables: { input: { reportId: r.id, userId: viewer.id } } }).catch(() => undefined)}
                >
                  {t.report.takeIt}
                </Button>
              )}
            </dd>
          </dl>
          {supervisor && districtId ? (
            <AssignColleague
              districtId={districtId}
              currentId={r.responsible?.id}
              loading={assignState.loading}
              error={assignState.error}
              onAssign={(userId) => assign({ variables: { input: { reportId: r.id, userId } } })}
            />
          ) : (
            <ErrorAlert error={assignState.error} />
          )}
          <Heading level={3} data-size="xs">
            {t.report.description}
          </Heading>
          <Paragraph className="prewrap">{r.description}</Paragraph>
        </Card>
        <Card>
          <Heading level={2} data-size="sm">
            {t.report.clocks}
          </Heading>
          <ResponsiveTable className="data-table">
            <caption className="visually-hidden">{t.report.clocks}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t.report.clocks}</Table.HeaderCell>
                <Table.HeaderCell>{t.report.due}</Table.HeaderCell>
                <Table.HeaderCell>{t.report.status}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {(r.deadlines ?? []).map((d) => (
                <Table.Row key={d.id}>
                  <Table.Cell>{d.kind ? t.deadlineKinds[d.kind] : '–'}</Table.Cell>
                  <Table.Cell>{formatDateTime(d.dueAt)}</Table.Cell>
                  <Table.Cell>
                    {d.status === 'OPEN' || d.status === 'OVERDUE' ? (
                      <Clock deadline={d} now={now} reminderPercents={percents} />
                    ) : d.status ? (
                      t.deadlineStatus[d.status]
                    ) : (
                      '–'
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </ResponsiveTable>
        </Card>
      </div>
      <IdentityPanel reportId={r.id} />
      <SectionCard id="protection-title" title={t.report.protectionTitle}>
        {r.protectionAssessedAt ? (
          <Paragraph data-testid="protection-done">
            {r.acuteDanger ? t.report.acute : t.report.noAcute}. {t.report.protectionDone(formatDateTime(r.protectionAssessedAt))}{' '}
            {r.protectionNote}
          </Paragraph>
        ) : (
          <ProtectionForm reportId={r.id} />
        )}
      </SectionCard>
      <SectionCard id="preliminary-title" title={t.report.preliminaryTitle}>
        {r.preliminaryDecision ? (
          <Paragraph data-testid="decision-done">
            {t.report.preliminaryDone(t.decisions[r.preliminaryDecision], formatDateTime(r.preliminaryDecidedAt))}
          </Paragraph>
        ) : r.protectionAssessedAt ? (
          <PreliminaryForm reportId={r.id} late={late} />
        ) : (
          <Paragraph>{t.report.protectionFirst}</Paragraph>
        )}
      </SectionCard>
      {r.preliminaryDecision === 'OPEN_INVESTIGATION' && (
        <SectionCard id="investigation-title" title={t.extension.investigationTitle}>
          {r.investigationClosedAt && (
            <Paragraph>
              {t.extension.closed(formatDate(r.investigationClosedAt))}
              {r.investigationOutcome ? ` ${t.extension.outcomes[r.investigationOutcome]}.` : ''}
            </Paragraph>
          )}
          <Heading level={3} data-size="xs">
            {t.extension.listTitle}
          </Heading>
          <ExtensionList extensions={r.investigationExtensions ?? []} />
          {supervisor && investigation?.dueAt && r.investigationExtendableUntil ? (
            <ExtendInvestigationForm reportId={r.id} currentDueAt={investigation.dueAt} until={r.investigationExtendableUntil} />
          ) : (
            !r.investigationClosedAt && <Paragraph data-size="sm">{t.extension.supervisorOnly}</Paragraph>
          )}
        </SectionCard>
      )}
      <ReportTalkStanding reportId={r.id} />
      {r.child && <ChildTalks childId={r.child.id} reportId={r.id} />}
    </article>
  );
}
