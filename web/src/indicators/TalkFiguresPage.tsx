import { Alert, Button, Details, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@apollo/client/react';
import { PeriodUnit } from '../../../domain/indicators/indicator-period';
import { Indicator, INDICATOR_NAMES } from '../../../domain/indicators/indicators';
import { ErrorAlert, Loading } from '../components/Status';
import { graphql } from '../gql';
import type { TalkIndicatorsQuery } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { CellTable, ChartCell, districtsOf, shown, TimeChart } from './IndicatorChart';
import { Period } from './indicator-periods';
import { PeriodFields, usePeriodForm } from './PeriodForm';
import { StackedTable } from '../components/ResponsiveTable';
import { PageSection } from '../components/PageSection';

const TALK_INDICATORS = graphql(`
  query TalkIndicators($period: IndicatorPeriodInput!) {
    indicators(period: $period) {
      ...IndicatorCellFields
    }
  }
`);

type Cell = TalkIndicatorsQuery['indicators'][number];
type T = ReturnType<typeof useI18n>['t'];

/** The indicators this page draws on; their definitions are listed at the end. */
const SHOWN: readonly Indicator[] = [
  Indicator.policeAttendanceRate,
  Indicator.talkDeclinedRate,
  Indicator.talkWithinDeadlineRate,
  Indicator.reportToTalkHoursP50,
  Indicator.reReportRate6m,
  Indicator.reReportRate6mComparison,
  Indicator.reReportRate12m,
  Indicator.reReportRate12mComparison,
];

const FOLLOW_UPS = [
  { months: 6, talk: Indicator.reReportRate6m, comparison: Indicator.reReportRate6mComparison },
  { months: 12, talk: Indicator.reReportRate12m, comparison: Indicator.reReportRate12mComparison },
] as const;

/** The last three calendar years, a year each: what a committee compares. */
function lastYears(now: Date): Period {
  const year = now.getFullYear();
  return { unit: PeriodUnit.YEAR, from: String(year - 2), to: String(year) };
}

/**
 * Talks held are the denominator of police attendance (talks held in the period, where they were held), so the count
 * keeps that cell's hiding: a hidden cell stays hidden here.
 */
function talksHeld(cells: readonly Cell[]): ChartCell[] {
  return cells
    .filter((c) => c.indicator === Indicator.policeAttendanceRate)
    .map((c) => ({ ...c, value: c.suppressed || c.windowOpen ? null : (c.denominator ?? null) }));
}

const BAR_WIDTH = 560;
const LABEL_WIDTH = 120;
const BAR_AREA = 200;
const BAR_HEIGHT = 14;
const GROUP_GAP = 10;

/**
 * Per district and period, two bars: children with a talk and the comparison group. Each bar carries its own text,
 * so colour is never the only difference.
 */
function ComparisonChart({ months, pairs }: { months: number; pairs: { label: string; talk?: Cell; comparison?: Cell }[] }) {
  const { t } = useI18n();
  const groupHeight = 2 * BAR_HEIGHT + GROUP_GAP;
  const bar = (cell: Cell | undefined, name: string, y: number, series: number) => {
    const value = cell && !cell.suppressed && !cell.windowOpen && typeof cell.value === 'number' ? cell.value : null;
    const width = value === null ? 0 : Math.max(1, value * BAR_AREA);
    return (
      <g className={`chart-series-${series}`}>
        {value !== null && <rect x={LABEL_WIDTH} y={y} width={width} height={BAR_HEIGHT - 2} className="chart-dot" />}
        <text x={LABEL_WIDTH + width + 6} y={y + BAR_HEIGHT - 4} className="chart-label">
          {`${name}: ${cell ? shown(cell, true, t) : '–'}`}
        </text>
      </g>
    );
  };
  return (
    <svg
      role="img"
      aria-label={t.talkFigures.comparisonChartLabel(months)}
      viewBox={`0 0 ${BAR_WIDTH} ${pairs.length * groupHeight + 4}`}
      width="100%"
      className="chart"
    >
      {pairs.map((p, i) => {
        const y = i * groupHeight + 2;
        return (
          <g key={p.label}>
            <text x={0} y={y + BAR_HEIGHT + 2} className="chart-label">
              {p.label}
            </text>
            {bar(p.talk, t.talkFigures.withTalk, y, 0)}
            {bar(p.comparison, t.talkFigures.withoutTalk, y + BAR_HEIGHT, 1)}
          </g>
        );
      })}
      <line x1={LABEL_WIDTH} y1={0} x2={LABEL_WIDTH} y2={pairs.length * groupHeight} className="chart-axis" />
    </svg>
  );
}

function EffectSection({ cells, periods, t }: { cells: readonly Cell[]; periods: string[]; t: T }) {
  return (
    <>
      {FOLLOW_UPS.map(({ months, talk, comparison }) => {
        const find = (indicator: Indicator, districtId: string, period: string) =>
          cells.find((c) => c.indicator === indicator && (c.districtId ?? '') === districtId && c.period === period);
        const rows = districtsOf(cells.filter((c) => c.indicator === talk)).flatMap(([id, name]) =>
          periods.map((period) => ({
            label: `${name} ${period}`,
            name,
            period,
            talk: find(talk, id, period),
            comparison: find(comparison, id, period),
          })),
        );
        const title = t.talkFigures.effectWindow(months);
        return (
          <section key={months} aria-labelledby={`effect-${months}`} className="card chart-card">
            <Heading level={3} data-size="sm" id={`effect-${months}`}>
              {title}
            </Heading>
            <Paragraph data-size="sm">{t.talkFigures.effectIntro(months)}</Paragraph>
            <ComparisonChart months={months} pairs={rows} />
            <StackedTable className="indicator-table">
              <caption>{t.talkFigures.tableCaption(title)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.talkFigures.district}</th>
                  <th scope="col">{t.indicators.period}</th>
                  <th scope="col">{t.talkFigures.withTalk}</th>
                  <th scope="col">{t.talkFigures.withoutTalk}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.label}>
                    <th scope="row">{r.name}</th>
                    <td>{r.period}</td>
                    <td>{r.talk ? shown(r.talk, true, t) : '–'}</td>
                    <td>{r.comparison ? shown(r.comparison, true, t) : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </StackedTable>
          </section>
        );
      })}
    </>
  );
}

/** The last period in brief, one row per district: the four figures a committee member asks for first. */
function Summary({ cells, period, t }: { cells: readonly Cell[]; period: string; t: T }) {
  const held = talksHeld(cells);
  const columns: { name: string; cells: readonly ChartCell[]; rate: boolean }[] = [
    { name: t.talkFigures.held, cells: held, rate: false },
    { name: t.talkFigures.withinDeadline, cells: cells.filter((c) => c.indicator === Indicator.talkWithinDeadlineRate), rate: true },
    { name: t.talkFigures.medianHours, cells: cells.filter((c) => c.indicator === Indicator.reportToTalkHoursP50), rate: false },
    { name: t.talkFigures.declined, cells: cells.filter((c) => c.indicator === Indicator.talkDeclinedRate), rate: true },
  ];
  return (
    <section aria-labelledby="talk-summary" className="card">
      <Heading level={2} data-size="md" id="talk-summary">
        {t.talkFigures.summaryTitle(period)}
      </Heading>
      <StackedTable className="indicator-table talk-summary">
        <caption>{t.talkFigures.summaryCaption(period)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.talkFigures.district}</th>
            {columns.map((c) => (
              <th key={c.name} scope="col">
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {districtsOf(held).map(([id, name]) => (
            <tr key={id}>
              <th scope="row">{name}</th>
              {columns.map((col) => {
                const cell = col.cells.find((c) => (c.districtId ?? '') === id && c.period === period);
                return <td key={col.name}>{cell ? shown(cell, col.rate, t) : '–'}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </StackedTable>
    </section>
  );
}

function Figure({ name, cells, periods, rate }: { name: string; cells: readonly ChartCell[]; periods: string[]; rate: boolean }) {
  const { t } = useI18n();
  return (
    <div className="card chart-card">
      <Heading level={3} data-size="sm">
        {name}
      </Heading>
      <TimeChart name={name} rate={rate} cells={cells} periods={periods} />
      <CellTable cells={cells} periods={periods} rate={rate} caption={t.talkFigures.tableCaption(name)} />
    </div>
  );
}

/** "Allvarssamtal: hur många, hur snabbt, vilken effekt": the talk indicators for a committee, from the same hidden-cell-safe query. */
export function TalkFiguresPage() {
  const { t, lang } = useI18n();
  const { draft, setDraft, period, show } = usePeriodForm(() => lastYears(new Date()));
  const { data, loading, error } = useQuery(TALK_INDICATORS, { variables: { period } });
  const cells = (data?.indicators ?? []).filter((c) => SHOWN.includes(c.indicator as Indicator));
  const periods = [...new Set(cells.map((c) => c.period))];
  const of = (indicator: Indicator) => cells.filter((c) => c.indicator === indicator);
  const name = (indicator: Indicator) => INDICATOR_NAMES[indicator][lang];

  return (
    <PageSection id="talk-figures-title" title={t.talkFigures.title} className="indicators">
      <Paragraph>{t.talkFigures.intro}</Paragraph>
      <form onSubmit={show} className="row align-end no-print" aria-label={t.indicators.period}>
        <PeriodFields draft={draft} onChange={setDraft} />
        <Button type="submit" variant="secondary">
          {t.indicators.show}
        </Button>
        <Button type="button" variant="tertiary" onClick={() => window.print()}>
          {t.indicators.print}
        </Button>
        <Link href="/indicators">{t.talkFigures.allIndicators}</Link>
      </form>
      <ErrorAlert error={error} />
      {loading && !data && <Loading />}
      {data && periods.length > 0 && (
        <>
          <Summary cells={cells} period={periods[periods.length - 1]} t={t} />
          <section aria-labelledby="talk-how-many">
            <Heading level={2} data-size="md" id="talk-how-many">
              {t.talkFigures.howManyTitle}
            </Heading>
            <Paragraph data-size="sm">{t.talkFigures.howManyIntro}</Paragraph>
            <div className="chart-grid">
              <Figure name={t.talkFigures.held} cells={talksHeld(cells)} periods={periods} rate={false} />
              <Figure name={name(Indicator.talkDeclinedRate)} cells={of(Indicator.talkDeclinedRate)} periods={periods} rate />
              <Figure name={name(Indicator.policeAttendanceRate)} cells={of(Indicator.policeAttendanceRate)} periods={periods} rate />
            </div>
          </section>
          <section aria-labelledby="talk-how-fast">
            <Heading level={2} data-size="md" id="talk-how-fast">
              {t.talkFigures.howFastTitle}
            </Heading>
            <Paragraph data-size="sm">{t.talkFigures.howFastIntro}</Paragraph>
            <div className="chart-grid">
              <Figure name={name(Indicator.talkWithinDeadlineRate)} cells={of(Indicator.talkWithinDeadlineRate)} periods={periods} rate />
              <Figure
                name={name(Indicator.reportToTalkHoursP50)}
                cells={of(Indicator.reportToTalkHoursP50)}
                periods={periods}
                rate={false}
              />
            </div>
          </section>
          <section aria-labelledby="talk-effect">
            <Heading level={2} data-size="md" id="talk-effect">
              {t.talkFigures.effectTitle}
            </Heading>
            <Alert data-color="warning" className="talk-caution">
              <Paragraph>{t.talkFigures.caution}</Paragraph>
            </Alert>
            <div className="chart-grid">
              <EffectSection cells={cells} periods={periods} t={t} />
            </div>
          </section>
          <Details>
            <Details.Summary>{t.talkFigures.definitions}</Details.Summary>
            <Details.Content>
              {SHOWN.map((indicator) => {
                const first = cells.find((c) => c.indicator === indicator);
                return (
                  <Paragraph key={indicator} data-size="sm">
                    <strong>{name(indicator)}:</strong> {lang === 'sv' ? first?.definitionSv : first?.definitionEn}
                  </Paragraph>
                );
              })}
            </Details.Content>
          </Details>
        </>
      )}
    </PageSection>
  );
}
