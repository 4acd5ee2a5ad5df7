import { Alert, Button, Details, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@apollo/client/react';
import { FormEvent, useState } from 'react';
import { Empty, ErrorAlert, Loading } from '../components/Status';
import { downloadWithToken } from '../download';
import { graphql } from '../gql';
import type { ReportIndicatorsQuery } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';

const REPORT_INDICATORS = graphql(`
  query ReportIndicators($from: DateTime!, $to: DateTime!) {
    reportIndicators(from: $from, to: $to) { indicator districtId districtName value numerator denominator suppressed formula }
  }
`);

type Cell = ReportIndicatorsQuery['reportIndicators'][number];

const BAR_HEIGHT = 28;
const LABEL_WIDTH = 140;
const CHART_WIDTH = 560;

/** A horizontal bar per district, 0–100 %; suppressed cells say so instead of a bar. */
function BarChart({ name, cells }: { name: string; cells: Cell[] }) {
  const { t } = useI18n();
  const barSpace = CHART_WIDTH - LABEL_WIDTH - 120;
  const height = cells.length * BAR_HEIGHT + 8;
  return (
    <svg role="img" aria-label={t.indicators.chartLabel(name)} viewBox={`0 0 ${CHART_WIDTH} ${height}`} width="100%" className="chart">
      {cells.map((c, i) => {
        const y = i * BAR_HEIGHT + 4;
        const percent = c.value === null || c.value === undefined ? null : Math.round(c.value * 100);
        return (
          <g key={c.districtId}>
            <text x={0} y={y + 18} className="chart-label">{c.districtName}</text>
            <rect x={LABEL_WIDTH} y={y + 4} width={barSpace} height={BAR_HEIGHT - 10} className="chart-track" />
            {percent !== null && <rect x={LABEL_WIDTH} y={y + 4} width={(barSpace * percent) / 100} height={BAR_HEIGHT - 10} className="chart-bar" />}
            <text x={LABEL_WIDTH + barSpace + 8} y={y + 18} className="chart-value">
              {c.suppressed ? t.indicators.suppressed : percent === null ? '–' : `${percent} % (${c.numerator}/${c.denominator})`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function yearStart(): string {
  return `${new Date().getFullYear()}-01-01`;
}
function tomorrow(): string {
  return new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
}

export function IndicatorsPage() {
  const { t, lang } = useI18n();
  const [from, setFrom] = useState(yearStart);
  const [to, setTo] = useState(tomorrow);
  const [period, setPeriod] = useState({ from: yearStart(), to: tomorrow() });
  const [download, setDownload] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const { data, loading, error } = useQuery(REPORT_INDICATORS, {
    variables: { from: `${period.from}T00:00:00Z`, to: `${period.to}T00:00:00Z` },
  });
  const cells = data?.reportIndicators ?? [];
  const indicators = [...new Set(cells.map((c) => c.indicator))];

  const show = (event: FormEvent) => {
    event.preventDefault();
    setPeriod({ from, to });
  };

  const downloadCsv = async () => {
    setDownload({ busy: true, error: null });
    try {
      const query = new URLSearchParams({ from: period.from, to: period.to, lang });
      await downloadWithToken(`/exports/indicators.csv?${query}`, `indikatorer-${period.from}-${period.to}.csv`, lang, t.unexpectedError);
      setDownload({ busy: false, error: null });
    } catch (e) {
      setDownload({ busy: false, error: e instanceof Error ? e.message : t.unexpectedError });
    }
  };

  return (
    <section aria-labelledby="indicators-title" className="indicators">
      <Heading level={1} data-size="lg" id="indicators-title">{t.indicators.title}</Heading>
      <Paragraph>{t.indicators.intro}</Paragraph>
      <form onSubmit={show} className="row align-end no-print" aria-label={t.indicators.period}>
        <Textfield type="date" label={t.fields.from} value={from} onChange={(e) => setFrom(e.target.value)} />
        <Textfield type="date" label={t.fields.to} value={to} onChange={(e) => setTo(e.target.value)} />
        <Button type="submit" variant="secondary">{t.indicators.show}</Button>
        <Button type="button" onClick={downloadCsv} loading={download.busy}>{download.busy ? t.indicators.downloading : t.indicators.download}</Button>
        <Button type="button" variant="tertiary" onClick={() => window.print()}>{t.indicators.print}</Button>
      </form>
      {download.error && <Alert data-color="danger" role="alert"><Paragraph>{download.error}</Paragraph></Alert>}
      <ErrorAlert error={error} />
      {loading && !data && <Loading />}
      {data && cells.length === 0 && <Empty>{t.indicators.empty}</Empty>}
      <div className="chart-grid">
        {indicators.map((indicator) => {
          const rows = cells.filter((c) => c.indicator === indicator);
          const name = t.indicators.names[indicator] ?? indicator;
          return (
            <section key={indicator} aria-labelledby={`ind-${indicator}`} className="card chart-card" data-indicator={indicator}>
              <Heading level={2} data-size="sm" id={`ind-${indicator}`}>{name}</Heading>
              <BarChart name={name} cells={rows} />
              <Details>
                <Details.Summary>{t.indicators.definition}</Details.Summary>
                <Details.Content><Paragraph data-size="sm">{rows[0]?.formula}</Paragraph></Details.Content>
              </Details>
            </section>
          );
        })}
      </div>
    </section>
  );
}
