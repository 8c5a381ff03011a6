// The time ranges a metrics chart offers and what each asks the metrics route for: short ranges
// read raw points and refresh often, long ones read per-step aggregates (the route caps raw answers).
import { MINUTE_MS } from "@/lib/metrics/aggregate";

export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export const METRIC_RANGES = [
  { id: "15m", label: "15 min", spanMs: 15 * MINUTE_MS, stepSeconds: undefined },
  { id: "1h", label: "1 h", spanMs: HOUR_MS, stepSeconds: undefined },
  { id: "6h", label: "6 h", spanMs: 6 * HOUR_MS, stepSeconds: 60 },
  { id: "24h", label: "24 h", spanMs: DAY_MS, stepSeconds: 300 },
  { id: "7d", label: "7 d", spanMs: 7 * DAY_MS, stepSeconds: 1800 },
  { id: "30d", label: "30 d", spanMs: 30 * DAY_MS, stepSeconds: 7200 },
] as const;

export type MetricRange = (typeof METRIC_RANGES)[number]["id"];

export const DEFAULT_METRIC_RANGE: MetricRange = "1h";

/**
 * The range a cluster's charts open at: the smallest that covers its whole life, so a new cluster's
 * few minutes fill the chart instead of a sliver of an hour; an older one opens at the default.
 */
export function initialMetricRange(clusterAgeMs: number): MetricRange {
  const defaultSpan = rangeOf(DEFAULT_METRIC_RANGE).spanMs;
  return METRIC_RANGES.find((range) => range.spanMs >= Math.min(clusterAgeMs, defaultSpan))!.id;
}

/** Where a chart's time axis starts: the range's start, or the cluster's creation when that is later. */
export function chartStart(rangeFrom: string, clusterCreatedAt: string): number {
  return Math.max(Date.parse(rangeFrom), Date.parse(clusterCreatedAt));
}

/** Ranges up to an hour show raw points that move by the second; longer ones change by the minute. */
const FAST_REFRESH_MAX_SPAN_MS = HOUR_MS;

function rangeOf(range: MetricRange) {
  return METRIC_RANGES.find((candidate) => candidate.id === range)!;
}

/** The metrics route's from, to and (for aggregated ranges) step for the range ending at `now`. */
export function metricRangeQuery(range: MetricRange, now: number): Record<string, string> {
  const { spanMs, stepSeconds } = rangeOf(range);
  const query: Record<string, string> = { from: new Date(now - spanMs).toISOString(), to: new Date(now).toISOString() };
  if (stepSeconds !== undefined) query.step = String(stepSeconds);
  return query;
}

/** How often a chart of this range polls, in milliseconds. */
export function metricRefetchInterval(range: MetricRange): number {
  return rangeOf(range).spanMs <= FAST_REFRESH_MAX_SPAN_MS ? 10_000 : 60_000;
}
