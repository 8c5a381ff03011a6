"use client";
// A cluster's active workers over the last hour as a tiny line for the clusters list, named in
// words for assistive technology; a dash when there is no history (yet, or it failed to load).
import { Line, LineChart, XAxis, YAxis } from "recharts";
import { type ChartPoint, describeWorkerHistory } from "./metric-chart-data";
import { CHART_COLORS } from "./time-series-chart";

export type SparklineHistory = readonly ChartPoint[] | "loading" | "failed";

export function WorkerSparkline({ history }: { history: SparklineHistory }) {
  if (history === "loading") {
    return (
      <span className="inline-block h-6 w-24 animate-pulse rounded bg-slate-100">
        <span className="sr-only">Loading the worker history…</span>
      </span>
    );
  }
  const summary = history === "failed" ? null : describeWorkerHistory(history);
  if (history === "failed" || summary === null) {
    const reason = history === "failed" ? "The worker history could not be loaded" : "No worker history in the last hour";
    return (
      <span className="text-slate-400" title={reason}>
        <span aria-hidden>—</span>
        <span className="sr-only">{reason}</span>
      </span>
    );
  }
  return (
    <span
      role="img"
      aria-label={`Active workers over the last hour: ${summary}`}
      title={summary}
      data-points={history.length}
      className="inline-block align-middle"
    >
      <LineChart width={96} height={24} data={[...history]} margin={{ top: 2, right: 2, bottom: 2, left: 2 }} accessibilityLayer={false}>
        <XAxis hide dataKey="t" type="number" domain={["dataMin", "dataMax"]} />
        <YAxis hide domain={["dataMin", "dataMax"]} />
        {/* A single minute has no line to draw, so it shows as a dot. */}
        <Line
          type="monotone"
          dataKey="value"
          stroke={CHART_COLORS.primary}
          strokeWidth={1.5}
          dot={history.length === 1}
          isAnimationActive={false}
        />
      </LineChart>
    </span>
  );
}
