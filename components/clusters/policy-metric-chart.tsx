"use client";
// The metric the autoscaler watches, with its target: a horizontal line for a cluster-wide average,
// or for a per-worker metric the target times the active workers at each moment, since that total is
// what the autoscaler compares the metric with. Without a policy the reader picks the metric.
import { useState } from "react";
import { PER_WORKER_METRICS, SCALING_METRICS, type ScalingPolicy } from "@/lib/blueprint/schema";
import { useClusterMetric } from "@/lib/client/autoscaler-hooks";
import { chartStart, type MetricRange } from "@/lib/client/metric-ranges";
import { TASK_METRICS } from "@/lib/metrics/api-schema";
import { ChartFigure } from "./chart-figure";
import { type ChartRow, formatMetricValue, METRIC_LABELS, toChartPoints, withPerWorkerTarget } from "./metric-chart-data";
import { CHART_COLORS, type ChartLine, TimeSeriesChart } from "./time-series-chart";

type ScalingMetric = ScalingPolicy["metric"];
const TASK_METRIC_NAMES: ReadonlySet<string> = new Set(TASK_METRICS);

export function PolicyMetricChart({
  clusterId,
  createdAt,
  range,
  policy,
}: {
  clusterId: string;
  /** The cluster's creation, where the time axis starts at the latest. */
  createdAt: string;
  range: MetricRange;
  policy: ScalingPolicy | null;
}) {
  const [chosen, setChosen] = useState<ScalingMetric>("queue_depth");
  const name = policy?.metric ?? chosen;
  const metric = useClusterMetric(clusterId, name, range);
  const activeWorkers = useClusterMetric(clusterId, "workers_active", range);
  const perWorkerTarget = policy !== null && PER_WORKER_METRICS.has(policy.metric) ? policy.target_value : undefined;

  const points = metric.data ? toChartPoints(metric.data) : [];
  const rows: ChartRow[] =
    perWorkerTarget === undefined
      ? points
      : withPerWorkerTarget(points, activeWorkers.data ? toChartPoints(activeWorkers.data) : [], perWorkerTarget);
  const label = METRIC_LABELS[name];
  const lines: ChartLine[] = [{ key: "value", label, color: CHART_COLORS.primary }];
  if (perWorkerTarget !== undefined)
    lines.push({
      key: "target",
      label: `target (${perWorkerTarget} per worker × active workers)`,
      color: CHART_COLORS.target,
      isDashed: true,
    });
  const format = (value: number) => formatMetricValue(name, value);
  const newest = points.at(-1);

  return (
    <ChartFigure
      title={label}
      summary={newest ? `now ${format(newest.value)}` : undefined}
      controls={policy === null ? <MetricPicker value={chosen} onChange={setChosen} /> : undefined}
      queries={perWorkerTarget === undefined ? [metric] : [metric, activeWorkers]}
      pointCount={points.length}
      emptyHint={
        TASK_METRIC_NAMES.has(name) ? (
          <>
            The autoscaler computes it from the cluster&apos;s tasks at each evaluation; a newer point posted to{" "}
            <code className="font-mono text-xs">POST /api/clusters/{clusterId}/metrics</code> stands over it.
          </>
        ) : (
          <>
            Post some to <code className="font-mono text-xs">POST /api/clusters/{clusterId}/metrics</code> or run{" "}
            <code className="font-mono text-xs">npm run simulate</code>.
          </>
        )
      }
    >
      {metric.data ? (
        <TimeSeriesChart
          title={`${label} over time`}
          rows={rows}
          lines={lines}
          from={chartStart(metric.data.from, createdAt)}
          to={Date.parse(metric.data.to)}
          formatValue={format}
          target={
            policy && perWorkerTarget === undefined
              ? { value: policy.target_value, label: `target ${format(policy.target_value)}` }
              : undefined
          }
        />
      ) : null}
    </ChartFigure>
  );
}

function MetricPicker({ value, onChange }: { value: ScalingMetric; onChange: (metric: ScalingMetric) => void }) {
  return (
    <label className="flex items-center gap-2 text-sm text-slate-700">
      Metric
      <select
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm focus:border-brand focus:outline-none focus-visible:ring-2 focus-visible:ring-brand"
        value={value}
        onChange={(event) => onChange(event.target.value as ScalingMetric)}
      >
        {SCALING_METRICS.map((metric) => (
          <option key={metric} value={metric}>
            {METRIC_LABELS[metric]}
          </option>
        ))}
      </select>
    </label>
  );
}
