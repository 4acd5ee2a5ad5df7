import { Alert, Button, Details, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { PeriodUnit } from '../../../domain/indicators/indicator-period';
import { ErrorAlert, ListStatus } from '../components/Status';
import { downloadWithToken } from '../download';
import { graphql } from '../gql';
import { Indicator, INDICATOR_KINDS, INDICATOR_NAMES, IndicatorKind } from '../../../domain/indicators/indicators';
import { useI18n } from '../i18n/i18n';
import { hasRole, useViewer } from '../viewer';
import { COMPLIANCE_CLOCK_NAMES } from '../../../domain/indicators/compliance';
import { CellTable, TimeChart } from './IndicatorChart';
import { Period, yearToDate } from './indicator-periods';
import { PeriodFields, usePeriodForm } from './PeriodForm';

function isRate(indicator: Indicator) {
  return INDICATOR_KINDS[indicator] === IndicatorKind.RATE;
}
import { useStackedLabels } from '../components/ResponsiveTable';
import { PageSection } from '../components/PageSection';

const INDICATORS = graphql(`
  query Indicators($period: IndicatorPeriodInput!) {
    indicators(period: $period) {
      ...IndicatorCellFields
    }
  }
`);

const COMPLIANCE = graphql(`
  query ComplianceReport($period: IndicatorPeriodInput!) {
    complianceReport(period: $period) {
      districtId
      districtName
      month
      clock
      fellDue
      met
      late
      shareMet
      lateItems {
        reference
        dueAt
        doneAt
        reason
        reasonText
      }
    }
  }
`);

/** Supervisors: the month-by-month account of the law's clocks and feedback, printable with the page, and as CSV. */
function CompliancePanel({ period }: { period: Period }) {
  const { t, lang } = useI18n();
  const c = t.indicators.compliance;
  const { data, error } = useQuery(COMPLIANCE, { variables: { period } });
  const complianceTable = useStackedLabels<HTMLTableElement>();
  const rows = (data?.complianceReport ?? []).filter((r) => r.fellDue > 0);
  const download = () =>
    downloadWithToken(
      `/exports/compliance.csv?${new URLSearchParams({ unit: period.unit, from: period.from, to: period.to, lang })}`,
      `efterlevnad-${period.from}-${period.to}.csv`,
      lang,
      t.unexpectedError,
    ).catch(() => undefined);
  return (
    <section aria-labelledby="compliance-title" className="card compliance">
      <Heading level={2} data-size="md" id="compliance-title">
        {c.title}
      </Heading>
      <Paragraph data-size="sm">{c.intro}</Paragraph>
      <Button type="button" variant="secondary" className="no-print" onClick={download}>
        {c.download}
      </Button>
      <ErrorAlert error={error} />
      <table className="indicator-table stacked-table" ref={complianceTable}>
        <thead>
          <tr>
            {[c.district, c.month, c.clock, c.fellDue, c.met, c.late, c.shareMet, c.lateItems].map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.districtId}-${r.month}-${r.clock}`}>
              <td>{r.districtName}</td>
              <td>{r.month}</td>
              <td>{COMPLIANCE_CLOCK_NAMES[r.clock as keyof typeof COMPLIANCE_CLOCK_NAMES]?.[lang] ?? r.clock}</td>
              <td>{r.fellDue}</td>
              <td>{r.met}</td>
              <td>{r.late}</td>
              <td>{r.shareMet === null || r.shareMet === undefined ? '–' : `${Math.round(r.shareMet * 100)} %`}</td>
              <td>
                {r.lateItems.map((i) => `${i.reference}: ${[i.reason, i.reasonText].filter(Boolean).join(' – ') || c.noReason}`).join('; ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function IndicatorsPage() {
  const { t, lang } = useI18n();
  const viewer = useViewer();
  const { draft, setDraft, period, show } = usePeriodForm(() => yearToDate(new Date()));
  const [download, setDownload] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const { data, loading, error } = useQuery(INDICATORS, { variables: { period } });
  const monthName = useMemo(
    () => new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
    [lang],
  );
  const choiceLabel = (key: string) => {
    if (draft.unit === PeriodUnit.YEAR) return key;
    if (draft.unit === PeriodUnit.QUARTER) return t.indicators.quarter(Number(key.slice(6)), Number(key.slice(0, 4)));
    return monthName.format(new Date(Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5)) - 1, 1)));
  };
  const cells = data?.indicators ?? [];
  const indicators = [...new Set(cells.map((c) => c.indicator as Indicator))];
  const periods = [...new Set(cells.map((c) => c.period))];

  const downloadCsv = async () => {
    setDownload({ busy: true, error: null });
    try {
      const query = new URLSearchParams({ unit: period.unit, from: period.from, to: period.to, lang });
      await downloadWithToken(`/exports/indicators.csv?${query}`, `indikatorer-${period.from}-${period.to}.csv`, lang, t.unexpectedError);
      setDownload({ busy: false, error: null });
    } catch (e) {
      setDownload({ busy: false, error: e instanceof Error ? e.message : t.unexpectedError });
    }
  };

  return (
    <PageSection id="indicators-title" title={t.indicators.title} className="indicators">
      <Paragraph>
        {t.indicators.intro} {t.indicators.periodHelp}
      </Paragraph>
      <form onSubmit={show} className="row align-end no-print" aria-label={t.indicators.period}>
        <PeriodFields draft={draft} onChange={setDraft} choiceLabel={choiceLabel} />
        <Button type="submit" variant="secondary">
          {t.indicators.show}
        </Button>
        <Button type="button" onClick={downloadCsv} loading={download.busy}>
          {download.busy ? t.indicators.downloading : t.indicators.download}
        </Button>
        <Button type="button" variant="tertiary" onClick={() => window.print()}>
          {t.indicators.print}
        </Button>
      </form>
      {download.error && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{download.error}</Paragraph>
        </Alert>
      )}
      <ListStatus data={data} loading={loading} error={error} count={cells.length} empty={t.indicators.empty} />
      <div className="chart-grid">
        {indicators.map((indicator) => {
          const rows = cells.filter((c) => c.indicator === indicator);
          const name = INDICATOR_NAMES[indicator][lang];
          const pending = rows.filter((c) => c.pending && c.period === periods[periods.length - 1]);
          return (
            <section key={indicator} aria-labelledby={`ind-${indicator}`} className="card chart-card" data-indicator={indicator}>
              <Heading level={2} data-size="sm" id={`ind-${indicator}`}>
                {name}
              </Heading>
              <TimeChart name={name} rate={isRate(indicator)} cells={rows} periods={periods} />
              <CellTable cells={rows} periods={periods} rate={isRate(indicator)} />
              <Details>
                <Details.Summary>{t.indicators.definition}</Details.Summary>
                <Details.Content>
                  <Paragraph data-size="sm">{lang === 'sv' ? rows[0]?.definitionSv : rows[0]?.definitionEn}</Paragraph>
                  {pending.length > 0 && (
                    <Paragraph data-size="sm">
                      {pending.map((c) => t.indicators.pending(`${c.districtName} ${c.period}`, c.pending!)).join(' ')}
                    </Paragraph>
                  )}
                </Details.Content>
              </Details>
            </section>
          );
        })}
      </div>
      {hasRole(viewer, 'SOCIAL_SERVICES_SUPERVISOR') && <CompliancePanel period={period} />}
    </PageSection>
  );
}
