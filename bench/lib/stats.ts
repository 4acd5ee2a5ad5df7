/** Nearest-rank percentile of unsorted numbers; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export const round = (n: number, digits = 1) => (Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : n);

/** The largest value without spreading a large array onto the stack; NaN for none. */
export const maxOf = (values: readonly number[]) => values.reduce((a, b) => (b > a ? b : a), values.length ? -Infinity : NaN);

/** The mean; 0 for none. */
export const meanOf = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
