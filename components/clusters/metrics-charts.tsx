"use client";
// The cluster's metrics over a chosen range: the metric the autoscaler watches against its target,
// the workers by state, and the health score. The range starts at one that fits the cluster's age
// and no chart reaches back before the cluster existed.
import { useState } from "react";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { LoadingPanel } from "@/components/ui/status-panels";
import { useAutoscaler, useClusterMetric } from "@/lib/client/autoscaler-hooks";
import { chartStart, initialMetricRange, METRIC_RANGES, type MetricRange } from "@/lib/client/metric-ranges";
import { ChartFigure } from "./chart-figure";
import { formatMetricValue, mergeSeries, toChartPoints } from "./metric-chart-data";
import { PolicyMetricChart } from "./policy-metric-chart";
import { CHART_COLORS, type ChartLine, TimeSeriesChart } from "./time-series-chart";

const RANGE_OPTIONS = METRIC_RANGES.map((range) => ({ value: range.id, label: range.label }));
const WORKER_LINES: ChartLine[] = [
  { key: "active", label: "Active", color: CHART_COLORS.primary, shape: "stepAfter" },
  { key: "starting", label: "Starting", color: CHART_COLORS.starting, shape: "stepAfter" },
  { key: "failed", label: "Failed", color: CHART_COLORS.failed, shape: "stepAfter" },
];
const COLLECTED_HINT = (
  <>
    The autoscaler loop records them as it runs, for every cluster; <code className="font-mono text-xs">npm run simulate</code> makes some.
  </>
);
const formatWorkers = (value: number) => formatMetricValue("workers_active", value);
const formatHealth = (value: number) => formatMetricValue("health_score", value);

/** `createdAt`: the cluster's creation, the earliest any of its charts shows. */
export function MetricsCharts({ clusterId, createdAt }: { clusterId: string; createdAt: string }) {
  const [range, setRange] = useState<MetricRange>(() => initialMetricRange(Date.now() - Date.parse(createdAt)));
  const autoscaler = useAutoscaler(clusterId);
  return (
    <section aria-labelledby="metrics-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="metrics-heading" className="text-lg font-semibold">
          Metrics
        </h2>
        <SegmentedControl label="Time range" value={range} options={RANGE_OPTIONS} onChange={setRange} />
      </div>
      {autoscaler.isPending ? (
        <LoadingPanel label="Loading the scaling policy…" />
      ) : (
        <PolicyMetricChart clusterId={clusterId} createdAt={createdAt} range={range} policy={autoscaler.data?.policy ?? null} />
      )}
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <WorkersChart clusterId={clusterId} createdAt={createdAt} range={range} />
        </div>
        <HealthChart clusterId={clusterId} createdAt={createdAt} range={range} />
      </div>
    </section>
  );
}

interface ChartProps {
  clusterId: string;
  createdAt: string;
  range: MetricRange;
}

function WorkersChart({ clusterId, createdAt, range }: ChartProps) {
  const active = useClusterMetric(clusterId, "workers_active", range);
  const starting = useClusterMetric(clusterId, "workers_starting", range);
  const failed = useClusterMetric(clusterId, "workers_failed", range);
  const activePoints = active.data ? toChartPoints(active.data) : [];
  const rows = mergeSeries({
    active: activePoints,
    starting: starting.data ? toChartPoints(starting.data) : [],
    failed: failed.data ? toChartPoints(failed.data) : [],
  });
  const newest = activePoints.at(-1);
  return (
    <ChartFigure
      title="Workers"
      summary={newest ? `now ${formatWorkers(newest.value)} active` : undefined}
      queries={[active, starting, failed]}
      pointCount={rows.length}
      emptyHint={COLLECTED_HINT}
    >
      {active.data ? (
        <TimeSeriesChart
          title="Active, starting and failed workers over time"
          rows={rows}
          lines={WORKER_LINES}
          from={chartStart(active.data.from, createdAt)}
          to={Date.parse(active.data.to)}
          formatValue={formatWorkers}
        />
      ) : null}
    </ChartFigure>
  );
}

function HealthChart({ clusterId, createdAt, range }: ChartProps) {
  const health = useClusterMetric(clusterId, "health_score", range);
  const points = health.data ? toChartPoints(health.data) : [];
  const newest = points.at(-1);
  return (
    <ChartFigure
      title="Health score"
      summary={newest ? `now ${formatHealth(newest.value)}` : undefined}
      queries={[health]}
      pointCount={points.length}
      emptyHint={COLLECTED_HINT}
    >
      {health.data ? (
        <TimeSeriesChart
          title="Health score over time"
          rows={points}
          lines={[{ key: "value", label: "Health score", color: CHART_COLORS.health }]}
          from={chartStart(health.data.from, createdAt)}
          to={Date.parse(health.data.to)}
          formatValue={formatHealth}
          valueDomain={[0, 1]}
        />
      ) : null}
    </ChartFigure>
  );
}
