import { Alert, Button, Heading, Paragraph, Table, Tag, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useId, useRef, useState } from 'react';
import { apiErrors, FieldErrors, takeField } from '../errors';
import { graphql } from '../gql';
import type { ReportIdentityQuery } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { hasRole, useViewer } from '../viewer';
import { ErrorAlert, Loading } from '../components/Status';
import { childName } from '../children/child-summary';
import { MergeChildren } from './MergeChildren';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { formatPersonalIdentityNumber } from '../../../domain/children/personal-identity-number';
import { SectionCard } from '../components/SectionCard';

export const IDENTITY_FIELDS = graphql(`
  fragment ReportIdentityFields on Report {
    id
    identityStatus
    arrivedIntoOpenCase
    reporterName
    reporterWorkContact
    reporterContact
    identityMismatch {
      sent
      recordName
    }
    child {
      ...ChildSummaryFields
      personalIdentityNumber
    }
    possibleMatches {
      ...ChildSummaryFields
    }
    earlierReports {
      id
      reference
      category
      receivedAt
    }
  }
`);

const REPORT_IDENTITY = graphql(`
  query ReportIdentity($id: ID!) {
    report(id: $id) {
      ...ReportIdentityFields
    }
  }
`);
const LINK = graphql(`
  mutation LinkReportToChild($input: LinkReportToChildInput!) {
    linkReportToChild(input: $input) {
      ...ReportIdentityFields
    }
  }
`);
const CONFIRM_NEW = graphql(`
  mutation ConfirmNewChild($reportId: ID!) {
    confirmNewChild(reportId: $reportId) {
      ...ReportIdentityFields
    }
  }
`);

type IdentityReport = ReportIdentityQuery['report'];

const NO_ERRORS: FieldErrors = { byField: {}, general: [] };

/** Markers for the intake queue: colour is never the only signal, the tag says what it is. */
export function IdentityMarkers({
  report,
}: {
  report: { identityStatus?: string | null; identityMismatch?: unknown; arrivedIntoOpenCase?: boolean | null };
}) {
  const { t } = useI18n();
  return (
    <>
      {report.identityStatus === 'UNCONFIRMED' && (
        <Tag data-color="warning" data-size="sm" className="identity-marker">
          {t.identity.markerUnconfirmed}
        </Tag>
      )}
      {report.identityMismatch ? (
        <Tag data-color="danger" data-size="sm" className="identity-marker">
          {t.identity.markerMismatch}
        </Tag>
      ) : null}
      {report.arrivedIntoOpenCase && (
        <Tag data-color="info" data-size="sm" className="identity-marker">
          {t.identity.markerOpenCase}
        </Tag>
      )}
    </>
  );
}

function PossibleMatches({ report, onDone }: { report: IdentityReport; onDone: (message: string) => void }) {
  const { t, lang } = useI18n();
  const captionId = useId();
  const [linkingId, setLinkingId] = useState<string | null>(null);
  const [link, linkState] = useMutation(LINK);
  const [confirmNew, confirmState] = useMutation(CONFIRM_NEW);
  const linkErrors = linkState.error ? apiErrors(linkState.error, lang, t.unexpectedError, t.fields) : NO_ERRORS;
  const linkFieldError = takeField(linkErrors, 'childId');
  const matches = report.possibleMatches ?? [];
  return (
    <div className="identity-block">
      <Heading level={3} data-size="xs" id={captionId}>
        {t.identity.matchesTitle}
      </Heading>
      {matches.length === 0 ? (
        <Paragraph>{t.identity.noMatches}</Paragraph>
      ) : (
        <>
          <Paragraph>{t.identity.matchesIntro}</Paragraph>
          <ResponsiveTable className="data-table" aria-labelledby={captionId}>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t.identity.name}</Table.HeaderCell>
                <Table.HeaderCell>{t.identity.birthYear}</Table.HeaderCell>
                <Table.HeaderCell>{t.identity.district}</Table.HeaderCell>
                <Table.HeaderCell>{t.identity.action}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {matches.map((match) => (
                <Table.Row key={match.id} data-child-id={match.id}>
                  <Table.Cell id={`match-${match.id}`}>{childName(match)}</Table.Cell>
                  <Table.Cell>{match.birthDate?.slice(0, 4) ?? '–'}</Table.Cell>
                  <Table.Cell>{match.district?.name ?? '–'}</Table.Cell>
                  <Table.Cell>
                    <Button
                      variant="secondary"
                      data-size="sm"
                      aria-describedby={`match-${match.id}`}
                      loading={linkState.loading && linkingId === match.id}
                      disabled={linkState.loading || confirmState.loading}
                      onClick={() => {
                        setLinkingId(match.id);
                        link({ variables: { input: { reportId: report.id, childId: match.id } } })
                          .then(() => onDone(t.identity.linked(childName(match))))
                          .catch(() => undefined);
                      }}
                    >
                      {t.identity.link}
                    </Button>
                    {linkFieldError && linkingId === match.id && <ValidationMessage>{linkFieldError}</ValidationMessage>}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </ResponsiveTable>
        </>
      )}
      {linkErrors.general.length > 0 && (
        <Alert data-color="danger">
          {linkErrors.general.map((m) => (
            <Paragraph key={m}>{m}</Paragraph>
          ))}
        </Alert>
      )}
      <div className="actions">
        <Button
          variant={matches.length ? 'tertiary' : 'primary'}
          loading={confirmState.loading}
          disabled={linkState.loading}
          aria-describedby="confirm-new-help"
          onClick={() =>
            confirmNew({ variables: { reportId: report.id } })
              .then(() => onDone(t.identity.confirmedNew))
              .catch(() => undefined)
          }
        >
          {t.identity.confirmNew}
        </Button>
        <span id="confirm-new-help" className="muted small">
          {t.identity.confirmNewHelp}
        </span>
      </div>
      <ErrorAlert error={confirmState.error} />
    </div>
  );
}

function Mismatch({ sent, recordName }: { sent?: string | null; recordName?: string | null }) {
  const { t } = useI18n();
  return (
    <Alert data-color="warning" role="alert" data-testid="identity-mismatch">
      <Heading level={3} data-size="xs">
        {t.identity.mismatchTitle}
      </Heading>
      <dl className="facts">
        <dt>{t.identity.mismatchSent}</dt>
        <dd>{sent ?? '–'}</dd>
        <dt>{t.identity.mismatchRecord}</dt>
        <dd>{recordName ?? '–'}</dd>
      </dl>
      <Paragraph>{t.identity.mismatchHelp}</Paragraph>
    </Alert>
  );
}

/** Report page, social services: who the child is, earlier reports, and whom to call back. */
export function IdentityPanel({ reportId }: { reportId: string }) {
  const { t, formatDate } = useI18n();
  const viewer = useViewer();
  const { data, loading, error } = useQuery(REPORT_IDENTITY, { variables: { id: reportId } });
  // The buttons that were pressed are gone once the identity is settled: focus moves to what happened.
  const [outcome, setOutcome] = useState('');
  const outcomeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);
  if (loading && !data) return <Loading />;
  if (!data) return <ErrorAlert error={error} />;
  const r = data.report;
  const unconfirmed = r.identityStatus === 'UNCONFIRMED';
  const earlier = r.earlierReports ?? [];
  const reporterContact = r.reporterWorkContact ?? r.reporterContact;
  return (
    <SectionCard id="identity-title" title={t.identity.title} data-testid="identity">
      {r.identityMismatch && <Mismatch {...r.identityMismatch} />}
      {r.arrivedIntoOpenCase && (
        <Alert data-color="info" data-testid="identity-open-case">
          <Paragraph>{t.identity.openCase}</Paragraph>
        </Alert>
      )}
      <dl className="facts">
        <dt>{t.identity.recordTitle}</dt>
        <dd data-testid="identity-child">
          {r.child
            ? `${childName(r.child)} ${r.child.personalIdentityNumber ? formatPersonalIdentityNumber(r.child.personalIdentityNumber) : ''}`.trim()
            : '–'}
        </dd>
        <dt>{t.report.status}</dt>
        <dd data-testid="identity-status">
          {unconfirmed ? (
            <Tag data-color="warning" data-size="sm">
              {t.identity.markerUnconfirmed}
            </Tag>
          ) : (
            t.identity.confirmed
          )}
        </dd>
      </dl>
      {unconfirmed && <Paragraph>{t.identity.unconfirmed}</Paragraph>}
      <Paragraph role="status" tabIndex={-1} ref={outcomeRef} className="identity-outcome" data-testid="identity-outcome">
        {outcome}
      </Paragraph>
      {unconfirmed && <PossibleMatches report={r} onDone={setOutcome} />}
      {r.child && hasRole(viewer, 'SOCIAL_SERVICES_SUPERVISOR') && (
        <MergeChildren reportChild={r.child} matches={r.possibleMatches ?? []} />
      )}
      <div className="identity-block">
        <Heading level={3} data-size="xs">
          {t.identity.earlierTitle}
        </Heading>
        {earlier.length === 0 ? (
          <Paragraph>{t.identity.noEarlier}</Paragraph>
        ) : (
          <ul className="plain-list" data-testid="earlier-reports">
            {earlier.map((e) => (
              <li key={e.id}>
                <Link href={`/reports/${e.id}`}>{e.reference}</Link>
                {` · ${formatDate(e.receivedAt)}`}
                {e.category ? ` · ${t.categories[e.category]}` : ''}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="identity-block">
        <Heading level={3} data-size="xs">
          {t.identity.reporterTitle}
        </Heading>
        {r.reporterName || reporterContact ? (
          <dl className="facts" data-testid="identity-reporter">
            {r.reporterName && (
              <>
                <dt>{t.identity.reporterName}</dt>
                <dd>{r.reporterName}</dd>
              </>
            )}
            {reporterContact && (
              <>
                <dt>{t.identity.reporterContact}</dt>
                <dd>{reporterContact}</dd>
              </>
            )}
          </dl>
        ) : (
          <Paragraph>{t.identity.noReporter}</Paragraph>
        )}
      </div>
    </SectionCard>
  );
}
