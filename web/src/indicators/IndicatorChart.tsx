import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';

/** A cell as the indicator pages draw it, list it and define it. */
graphql(`
  fragment IndicatorCellFields on IndicatorCell {
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
`);

/** The parts of an indicator cell a chart and its table show. */
export interface ChartCell {
  readonly districtId?: string | null;
  readonly districtName: string;
  readonly period: string;
  readonly value?: number | null;
  readonly numerator?: number | null;
  readonly denominator?: number | null;
  readonly suppressed: boolean;
  readonly windowOpen: boolean;
}

const CHART_WIDTH = 560;
const CHART_HEIGHT = 180;
const PAD = { left: 44, right: 24, top: 12, bottom: 28 };
const SERIES_CLASSES = 5;
const MAX_AXIS_LABELS = 6;

type T = ReturnType<typeof useI18n>['t'];

/** A cell as text: hidden and not-yet-due cells say why; a share shows its count beside it. */
export function shown(c: ChartCell, rate: boolean, t: T): string {
  if (c.suppressed) return t.indicators.suppressed;
  if (c.windowOpen) return t.indicators.windowOpen;
  if (c.value === null || c.value === undefined) return '–';
  if (rate) return `${Math.round(c.value * 100)} % (${c.numerator}/${c.denominator})`;
  return String(c.value);
}

export function districtsOf(cells: readonly ChartCell[]): [string, string][] {
  return [...new Map(cells.map((c) => [c.districtId ?? '', c.districtName])).entries()];
}

/** Each district's value over the periods as a line; a hidden or not-yet-due period is a gap with a hollow mark. */
export function TimeChart({ name, rate, cells, periods }: { name: string; rate: boolean; cells: readonly ChartCell[]; periods: string[] }) {
  const { t } = useI18n();
  const districts = districtsOf(cells);
  const values = cells.map((c) => c.value ?? 0);
  const top = rate ? 1 : Math.max(1, ...values);
  const w = CHART_WIDTH - PAD.left - PAD.right;
  const h = CHART_HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (periods.length < 2 ? w / 2 : (w * i) / (periods.length - 1));
  const y = (v: number) => PAD.top + h - (h * v) / top;
  const labelEvery = Math.ceil(periods.length / MAX_AXIS_LABELS);
  const label = (v: number) => (rate ? `${Math.round(v * 100)} %` : String(Math.round(v * 10) / 10));
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
                    <title>{`${districtName} ${c.period}: ${shown(c, rate, t)}`}</title>
                  </circle>
                ) : (
                  <circle key={i} cx={x(i)} cy={y(0)} r={3} className="chart-gap">
                    <title>{`${districtName} ${c.period}: ${shown(c, rate, t)}`}</title>
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
export function CellTable({
  cells,
  periods,
  rate,
  caption,
}: {
  cells: readonly ChartCell[];
  periods: string[];
  rate: boolean;
  caption?: string;
}) {
  const { t } = useI18n();
  const districts = districtsOf(cells);
  return (
    <table className="indicator-table">
      {caption && <caption>{caption}</caption>}
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
              return <td key={id}>{c ? shown(c, rate, t) : '–'}</td>;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
