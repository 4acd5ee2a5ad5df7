import { Alert, Button, Details, Field, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useQuery } from '@apollo/client/react';
import { FormEvent, useMemo, useState } from 'react';
import { isPeriodProblem, monthRange, MONTHS_PER_UNIT, periodKey, PeriodUnit } from '../../../domain/indicators/indicator-period';
import { Empty, ErrorAlert, Loading } from '../components/Status';
import { downloadWithToken } from '../download';
import { graphql } from '../gql';
import type { IndicatorsQuery } from '../gql/graphql';
import { Indicator, INDICATOR_KINDS, INDICATOR_NAMES, IndicatorKind } from '../../../domain/indicators/indicators';
import { useI18n } from '../i18n/i18n';
import { hasRole, useViewer } from '../viewer';
import { COMPLIANCE_CLOCK_NAMES } from '../../../domain/indicators/compliance';
import { useStackedLabels } from '../components/ResponsiveTable';

const INDICATORS = graphql(`
  query Indicators($period: IndicatorPeriodInput!) {
    indicators(period: $period) {
      indicator
      districtId
      districtName
      period
      value
      numerator
      denominator
      pending
      suppressed
      windowOpen
      definitionSv
      definitionEn
    }
  }
`);

type Cell = IndicatorsQuery['indicators'][number];

const CHART_WIDTH = 560;
const CHART_HEIGHT = 180;
const PAD = { left: 44, right: 12, top: 12, bottom: 28 };
const SERIES_CLASSES = 5;
const MAX_AXIS_LABELS = 6;

function isRate(indicator: Indicator) {
  return INDICATOR_KINDS[indicator] === IndicatorKind.RATE;
}

function shown(c: Cell, t: ReturnType<typeof useI18n>['t']): string {
  if (c.suppressed) return t.indicators.suppressed;
  if (c.windowOpen) return t.indicators.windowOpen;
  if (c.value === null || c.value === undefined) return '–';
  if (isRate(c.indicator as Indicator)) return `${Math.round(c.value * 100)} % (${c.numerator}/${c.denominator})`;
  return String(c.value);
}

/** Each district's value over the periods as a line; a hidden or not-yet-due period is a gap with a hollow mark. */
function TimeChart({ name, indicator, cells, periods }: { name: string; indicator: Indicator; cells: Cell[]; periods: string[] }) {
  const { t } = useI18n();
  const districts = [...new Map(cells.map((c) => [c.districtId ?? '', c.districtName])).entries()];
  const values = cells.map((c) => c.value ?? 0);
  const top = isRate(indicator) ? 1 : Math.max(1, ...values);
  const w = CHART_WIDTH - PAD.left - PAD.right;
  const h = CHART_HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (periods.length < 2 ? w / 2 : (w * i) / (periods.length - 1));
  const y = (v: number) => PAD.top + h - (h * v) / top;
  const labelEvery = Math.ceil(periods.length / MAX_AXIS_LABELS);
  const label = (v: number) => (isRate(indicator) ? `${Math.round(v * 100)} %` : String(Math.round(v * 10) / 10));
  return (
    <svg
      role="img"
      aria-label={t.indicators.chartLabel(name)}
      viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT + districts.length * 16}`}
      width="100%"
      className="chart"
    >
      <line x1={PAD.left} y1={y(0)} x2={PAD.left + w} y2={y(0)} className="chart-axis" />
      <text x={PAD.left - 6} y={y(top) + 4} textAnchor="end" className="chart-label">
        {label(top)}
      </text>
      <text x={PAD.left - 6} y={y(0) + 4} textAnchor="end" className="chart-label">
        {label(0)}
      </text>
      {periods.map(
        (p, i) =>
          (i % labelEvery === 0 || i === periods.length - 1) && (
            <text key={p} x={x(i)} y={CHART_HEIGHT - 8} textAnchor="middle" className="chart-label">
              {p}
            </text>
          ),
      )}
      {districts.map(([id, districtName], s) => {
        const points = periods.map((p) => cells.find((c) => (c.districtId ?? '') === id && c.period === p));
        const segments: string[][] = [[]];
        points.forEach((c, i) => {
          if (c && typeof c.value === 'number') segments[segments.length - 1].push(`${x(i)},${y(c.value)}`);
          else if (segments[segments.length - 1].length) segments.push([]);
        });
        const series = `chart-series-${s % SERIES_CLASSES}`;
        return (
          <g key={id} className={series}>
            {segments
              .filter((seg) => seg.length)
              .map((seg, k) => (
                <polyline key={k} points={seg.join(' ')} className="chart-line" />
              ))}
            {points.map(
              (c, i) =>
                c &&
                (typeof c.value === 'number' ? (
                  <circle key={i} cx={x(i)} cy={y(c.value)} r={3} className="chart-dot">
                    <title>{`${districtName} ${c.period}: ${shown(c, t)}`}</title>
                  </circle>
                ) : (
                  <circle key={i} cx={x(i)} cy={y(0)} r={3} className="chart-gap">
                    <title>{`${districtName} ${c.period}: ${shown(c, t)}`}</title>
                  </circle>
                )),
            )}
            <text x={PAD.left} y={CHART_HEIGHT + 12 + s * 16} className="chart-label chart-legend">{`— ${districtName}`}</text>
          </g>
        );
      })}
    </svg>
  );
}

/** The chart's numbers as a table, for screen readers and the printed page. */
function CellTable({ cells, periods }: { cells: Cell[]; periods: string[] }) {
  const { t } = useI18n();
  const districts = [...new Map(cells.map((c) => [c.districtId ?? '', c.districtName])).entries()];
  return (
    <table className="indicator-table">
      <thead>
        <tr>
          <th scope="col">{t.indicators.period}</th>
          {districts.map(([id, n]) => (
            <th key={id} scope="col">
              {n}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {periods.map((p) => (
          <tr key={p}>
            <th scope="row">{p}</th>
            {districts.map(([id]) => {
              const c = cells.find((x) => (x.districtId ?? '') === id && x.period === p);
              return <td key={id}>{c ? shown(c, t) : '–'}</td>;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

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
            {[t.fields.district, c.month, c.clock, c.fellDue, c.met, c.late, c.shareMet, c.lateItems].map((h) => (
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
  const viewer = useViewer();
  const [draft, setDraft] = useState<Period>(() => yearToDate(new Date()));
  const [period, setPeriod] = useState<Period>(draft);
  const [download, setDownload] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const { data, loading, error } = useQuery(INDICATORS, { variables: { period } });
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
  const cells = data?.indicators ?? [];
  const indicators = [...new Set(cells.map((c) => c.indicator as Indicator))];
  const periods = [...new Set(cells.map((c) => c.period))];

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
          const name = INDICATOR_NAMES[indicator][lang];
          const pending = rows.filter((c) => c.pending && c.period === periods[periods.length - 1]);
          return (
            <section key={indicator} aria-labelledby={`ind-${indicator}`} className="card chart-card" data-indicator={indicator}>
              <Heading level={2} data-size="sm" id={`ind-${indicator}`}>
                {name}
              </Heading>
              <TimeChart name={name} indicator={indicator} cells={rows} periods={periods} />
              <CellTable cells={rows} periods={periods} />
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
    </section>
  );
}
