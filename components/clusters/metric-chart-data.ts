// Pure shaping of metric answers for the charts: points as epoch milliseconds, several series merged
// into one row per timestamp, the per-worker target line, readable time ticks and value labels.
import { FRACTION_METRICS } from "@/lib/blueprint/schema";
import type { MetricSeries } from "@/lib/client/autoscaler-hooks";
import { DAY_MS, HOUR_MS } from "@/lib/client/metric-ranges";
import { MINUTE_MS } from "@/lib/metrics/aggregate";
import type { MetricName } from "@/lib/metrics/api-schema";

// A type alias, not an interface, so a list of points is also a list of chart rows.
export type ChartPoint = {
  /** Epoch milliseconds. */
  t: number;
  value: number;
};

/** One timestamp of a chart with several lines; a line without a value there leaves a gap. */
export interface ChartRow {
  t: number;
  [series: string]: number | undefined;
}

export const METRIC_LABELS: Record<MetricName, string> = {
  queue_depth: "Queue depth",
  tasks_per_minute: "Tasks per minute",
  response_time_ms: "Response time",
  cpu_utilization: "CPU utilization",
  memory_utilization: "Memory utilization",
  error_rate: "Error rate",
  workers_active: "Active workers",
  workers_starting: "Starting workers",
  workers_failed: "Failed workers",
  health_score: "Health score",
};

/** Tick spacings a reader counts in without effort, shortest first. */
const TICK_INTERVALS_MS = [1, 2, 5, 10, 15, 30]
  .map((minutes) => minutes * MINUTE_MS)
  .concat(
    [1, 2, 3, 6, 12].map((hours) => hours * HOUR_MS),
    [1, 2, 7].map((days) => days * DAY_MS),
  );
const MAX_TICKS = 6;

export function fromTimestampedPoints(points: ReadonlyArray<{ ts: string; value: number }>): ChartPoint[] {
  return points.map((point) => ({ t: Date.parse(point.ts), value: point.value }));
}

/** A raw answer's points as they are; an aggregated answer's points as each step's average. */
export function toChartPoints(series: MetricSeries): ChartPoint[] {
  if ("step" in series) return series.points.map((point) => ({ t: Date.parse(point.ts), value: point.avg }));
  return fromTimestampedPoints(series.points);
}

/** Several series as one row per timestamp, oldest first, each row holding the series seen then. */
export function mergeSeries(series: Readonly<Record<string, readonly ChartPoint[]>>): ChartRow[] {
  const rows = new Map<number, ChartRow>();
  for (const [key, points] of Object.entries(series)) {
    for (const point of points) {
      const row = rows.get(point.t) ?? { t: point.t };
      row[key] = point.value;
      rows.set(point.t, row);
    }
  }
  return [...rows.values()].sort((a, b) => a.t - b.t);
}

/**
 * The metric with the workers' total target beside it: at each metric point, the per-worker target
 * times the active workers of the newest workers sample at or before it (none before: no target).
 */
export function withPerWorkerTarget(
  metric: readonly ChartPoint[],
  activeWorkers: readonly ChartPoint[],
  targetPerWorker: number,
): ChartRow[] {
  const workers = [...activeWorkers].sort((a, b) => a.t - b.t);
  let next = 0;
  let latest: number | undefined;
  return [...metric]
    .sort((a, b) => a.t - b.t)
    .map((point) => {
      while (next < workers.length && workers[next]!.t <= point.t) latest = workers[next++]!.value;
      return { t: point.t, value: point.value, target: latest === undefined ? undefined : latest * targetPerWorker };
    });
}

/** Evenly spaced ticks on round local times inside [from, to], at most MAX_TICKS of them. */
export function timeTicks(from: number, to: number): number[] {
  const interval = TICK_INTERVALS_MS.find((candidate) => (to - from) / candidate <= MAX_TICKS) ?? TICK_INTERVALS_MS.at(-1)!;
  // Round in local time, so hours and days start where the reader's clock says they do.
  const localShift = -new Date(from).getTimezoneOffset() * MINUTE_MS;
  const ticks: number[] = [];
  for (let tick = Math.ceil((from + localShift) / interval) * interval - localShift; tick <= to; tick += interval) ticks.push(tick);
  return ticks;
}

/** Clock times for a day or less, calendar days beyond. */
export function timeTickFormat(spanMs: number): Intl.DateTimeFormatOptions {
  return spanMs <= DAY_MS ? { hour: "2-digit", minute: "2-digit" } : { month: "short", day: "numeric" };
}

function formatNumber(value: number, fractionDigits: number): string {
  return new Intl.NumberFormat("en-US", { maximumFractionDigits: fractionDigits }).format(value);
}

/** A value in the metric's unit: fractions (utilization, error rate, health) as percentages. */
export function formatMetricValue(name: MetricName, value: number): string {
  if (FRACTION_METRICS.has(name) || name === "health_score") return `${formatNumber(value * 100, 1)}%`;
  if (name === "response_time_ms") return `${formatNumber(value, 0)} ms`;
  return formatNumber(value, 2);
}

/** "3 to 8, now 8": the range of a worker history and its newest value, or null when it is empty. */
export function describeWorkerHistory(points: readonly ChartPoint[]): string | null {
  const newest = points.at(-1);
  if (newest === undefined) return null;
  const values = points.map((point) => point.value);
  const count = (value: number) => formatNumber(value, 1);
  return `${count(Math.min(...values))} to ${count(Math.max(...values))}, now ${count(newest.value)}`;
}
