"use client";
// A line chart over time: round local-time ticks, tooltips with the full local date and time, values
// in the metric's unit, an optional horizontal target. Lines do not animate, so polling does not
// make them jump.
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { type ChartRow, timeTickFormat, timeTicks } from "./metric-chart-data";

export const CHART_COLORS = {
  primary: "#2563eb",
  target: "#d97706",
  starting: "#0ea5e9",
  failed: "#dc2626",
  health: "#059669",
} as const;

const AXIS_TICK = { fontSize: 12, fill: "#64748b" };

export interface ChartLine {
  key: string;
  label: string;
  color: string;
  isDashed?: boolean;
  /** Counts hold their value until the next sample; measurements are joined straight. */
  shape?: "linear" | "stepAfter";
}

export function TimeSeriesChart({
  title,
  rows,
  lines,
  from,
  to,
  formatValue,
  height = 240,
  target,
  valueDomain,
}: {
  /** Read by assistive technology as the chart's title. */
  title: string;
  rows: readonly ChartRow[];
  lines: readonly ChartLine[];
  /** The range shown, in epoch milliseconds, whether or not points reach its ends. */
  from: number;
  to: number;
  formatValue: (value: number) => string;
  height?: number;
  target?: { value: number; label: string };
  valueDomain?: [number, number];
}) {
  const tickFormat = new Intl.DateTimeFormat(undefined, timeTickFormat(to - from));
  return (
    <LineChart
      responsive
      title={title}
      style={{ width: "100%", height }}
      data={[...rows]}
      margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
    >
      <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
      <XAxis
        dataKey="t"
        type="number"
        scale="time"
        domain={[from, to]}
        ticks={timeTicks(from, to)}
        tickFormatter={(t: number) => tickFormat.format(t)}
        tick={AXIS_TICK}
      />
      <YAxis width={64} domain={valueDomain} tickFormatter={formatValue} tick={AXIS_TICK} />
      <Tooltip
        labelFormatter={(label) => (typeof label === "number" ? new Date(label).toLocaleString() : label)}
        formatter={(value) => (typeof value === "number" ? formatValue(value) : String(value))}
      />
      {lines.length > 1 ? <Legend itemSorter={null} wrapperStyle={{ fontSize: 12 }} /> : null}
      {target ? (
        <ReferenceLine
          y={target.value}
          stroke={CHART_COLORS.target}
          strokeDasharray="6 4"
          ifOverflow="extendDomain"
          label={{ value: target.label, position: "insideTopRight", fill: CHART_COLORS.target, fontSize: 12 }}
        />
      ) : null}
      {lines.map((line) => (
        <Line
          key={line.key}
          type={line.shape ?? "linear"}
          dataKey={line.key}
          name={line.label}
          stroke={line.color}
          strokeWidth={2}
          strokeDasharray={line.isDashed ? "6 4" : undefined}
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  );
}
