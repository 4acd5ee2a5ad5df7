import { Alert, Button, Details, Field, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useQuery } from '@apollo/client/react';
import { FormEvent, useMemo, useState } from 'react';
import { isPeriodProblem, monthRange, MONTHS_PER_UNIT, periodKey, PeriodUnit } from '../../../domain/indicators/indicator-period';
import { Empty, ErrorAlert, Loading } from '../components/Status';
import { downloadWithToken } from '../download';
import { graphql } from '../gql';
import type { ReportIndicatorsQuery } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';

const REPORT_INDICATORS = graphql(`
  query ReportIndicators($period: IndicatorPeriodInput!) {
    reportIndicators(period: $period) {
      indicator
      districtId
      districtName
      value
      numerator
      denominator
      pending
      suppressed
      formula
    }
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
            <text x={0} y={y + 18} className="chart-label">
              {c.districtName}
            </text>
            <rect x={LABEL_WIDTH} y={y + 4} width={barSpace} height={BAR_HEIGHT - 10} className="chart-track" />
            {percent !== null && (
              <rect x={LABEL_WIDTH} y={y + 4} width={(barSpace * percent) / 100} height={BAR_HEIGHT - 10} className="chart-bar" />
            )}
            <text x={LABEL_WIDTH + barSpace + 8} y={y + 18} className="chart-value">
              {c.suppressed ? t.indicators.suppressed : percent === null ? '–' : `${percent} % (${c.numerator}/${c.denominator})`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

interface Period {
  readonly unit: PeriodUnit;
  readonly from: string;
  readonly to: string;
}

const CHOICE_YEARS = 3;

/** The periods a manager can pick: those of the last three calendar years, oldest first. */
function periodChoices(unit: PeriodUnit, now: Date): string[] {
  const first = (now.getFullYear() - CHOICE_YEARS + 1) * 12;
  const keys: string[] = [];
  for (let month = first; month < first + CHOICE_YEARS * 12; month += MONTHS_PER_UNIT[unit]) keys.push(periodKey(unit, month));
  return keys;
}

/** The current calendar year so far, month by month. */
function yearToDate(now: Date): Period {
  const january = now.getFullYear() * 12;
  return { unit: PeriodUnit.MONTH, from: periodKey(PeriodUnit.MONTH, january), to: periodKey(PeriodUnit.MONTH, january + now.getMonth()) };
}

/** A period picked in one unit, moved to another: the periods of that unit holding its first and last month. */
function inUnit(period: Period, unit: PeriodUnit): Period {
  const range = monthRange(period.unit, period.from, period.to, Number.POSITIVE_INFINITY);
  if (isPeriodProblem(range)) return inUnit(yearToDate(new Date()), unit);
  return { unit, from: periodKey(unit, range.fromMonth), to: periodKey(unit, range.toMonthExclusive - 1) };
}

export function IndicatorsPage() {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState<Period>(() => yearToDate(new Date()));
  const [period, setPeriod] = useState<Period>(draft);
  const [download, setDownload] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const { data, loading, error } = useQuery(REPORT_INDICATORS, { variables: { period } });
  const choices = useMemo(() => periodChoices(draft.unit, new Date()), [draft.unit]);
  const monthName = useMemo(
    () => new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
    [lang],
  );
  const choiceLabel = (key: string) => {
    if (draft.unit === PeriodUnit.YEAR) return key;
    if (draft.unit === PeriodUnit.QUARTER) return t.indicators.quarter(Number(key.slice(6)), Number(key.slice(0, 4)));
    return monthName.format(new Date(Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5)) - 1, 1)));
  };
  const cells = data?.reportIndicators ?? [];
  const indicators = [...new Set(cells.map((c) => c.indicator))];

  const show = (event: FormEvent) => {
    event.preventDefault();
    setPeriod(draft);
  };

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
    <section aria-labelledby="indicators-title" className="indicators">
      <Heading level={1} data-size="lg" id="indicators-title">
        {t.indicators.title}
      </Heading>
      <Paragraph>
        {t.indicators.intro} {t.indicators.periodHelp}
      </Paragraph>
      <form onSubmit={show} className="row align-end no-print" aria-label={t.indicators.period}>
        <Field>
          <Label>{t.fields.unit}</Label>
          <Select value={draft.unit} onChange={(e) => setDraft(inUnit(draft, e.target.value as PeriodUnit))}>
            {Object.values(PeriodUnit).map((u) => (
              <Select.Option key={u} value={u}>
                {t.indicators.units[u]}
              </Select.Option>
            ))}
          </Select>
        </Field>
        {(['from', 'to'] as const).map((end) => (
          <Field key={end}>
            <Label>{t.fields[end]}</Label>
            <Select value={draft[end]} onChange={(e) => setDraft({ ...draft, [end]: e.target.value })}>
              {choices.map((key) => (
                <Select.Option key={key} value={key}>
                  {choiceLabel(key)}
                </Select.Option>
              ))}
            </Select>
          </Field>
        ))}
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
      <ErrorAlert error={error} />
      {loading && !data && <Loading />}
      {data && cells.length === 0 && <Empty>{t.indicators.empty}</Empty>}
      <div className="chart-grid">
        {indicators.map((indicator) => {
          const rows = cells.filter((c) => c.indicator === indicator);
          const name = t.indicators.names[indicator] ?? indicator;
          return (
            <section key={indicator} aria-labelledby={`ind-${indicator}`} className="card chart-card" data-indicator={indicator}>
              <Heading level={2} data-size="sm" id={`ind-${indicator}`}>
                {name}
              </Heading>
              <BarChart name={name} cells={rows} />
              <Details>
                <Details.Summary>{t.indicators.definition}</Details.Summary>
                <Details.Content>
                  <Paragraph data-size="sm">{rows[0]?.formula}</Paragraph>
                  {rows.some((c) => c.pending) && (
                    <Paragraph data-size="sm">
                      {rows
                        .filter((c) => c.pending)
                        .map((c) => t.indicators.pending(c.districtName, c.pending!))
                        .join(' ')}
                    </Paragraph>
                  )}
                </Details.Content>
              </Details>
            </section>
          );
        })}
      </div>
    </section>
  );
}
