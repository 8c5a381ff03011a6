import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ChartPoint,
  describeWorkerHistory,
  formatMetricValue,
  fromTimestampedPoints,
  mergeSeries,
  timeTickFormat,
  timeTicks,
  toChartPoints,
  withPerWorkerTarget,
} from "./metric-chart-data";

const T0 = Date.parse("2026-11-28T12:00:00.000Z");
const MINUTE = 60_000;
const at = (minutes: number) => T0 + minutes * MINUTE;
const points = (...pairs: Array<[minutes: number, value: number]>): ChartPoint[] =>
  pairs.map(([minutes, value]) => ({ t: at(minutes), value }));

describe("toChartPoints", () => {
  it("keeps raw values and plots an aggregate's average", () => {
    const raw = { name: "queue_depth" as const, from: "", to: "", points: [{ ts: "2026-11-28T12:00:00.000Z", value: 4 }] };
    const aggregated = {
      name: "queue_depth" as const,
      from: "",
      to: "",
      step: 60,
      points: [{ ts: "2026-11-28T12:01:00.000Z", avg: 2.5, min: 1, max: 4, count: 2 }],
    };
    expect(toChartPoints(raw)).toEqual(points([0, 4]));
    expect(toChartPoints(aggregated)).toEqual(points([1, 2.5]));
    expect(fromTimestampedPoints(raw.points)).toEqual(points([0, 4]));
  });
});

describe("mergeSeries", () => {
  it("makes one row per timestamp, oldest first, with a gap where a series has no value", () => {
    expect(mergeSeries({ active: points([1, 3], [0, 2]), failed: points([1, 1], [2, 0]) })).toEqual([
      { t: at(0), active: 2 },
      { t: at(1), active: 3, failed: 1 },
      { t: at(2), failed: 0 },
    ]);
  });

  it("is empty when every series is", () => {
    expect(mergeSeries({ active: [], starting: [] })).toEqual([]);
  });
});

describe("withPerWorkerTarget", () => {
  it("multiplies the target by the newest active workers at or before each point", () => {
    const metric = points([0, 10], [1, 30], [2, 50], [5, 40]);
    const workers = points([1, 2], [3, 4], [0.5, 1]);
    expect(withPerWorkerTarget(metric, workers, 5)).toEqual([
      { t: at(0), value: 10, target: undefined },
      { t: at(1), value: 30, target: 10 },
      { t: at(2), value: 50, target: 10 },
      { t: at(5), value: 40, target: 20 },
    ]);
  });

  it("draws no target without worker samples", () => {
    expect(withPerWorkerTarget(points([0, 1]), [], 5)).toEqual([{ t: at(0), value: 1, target: undefined }]);
  });

  it("property: every target is the target per worker times a sample no later than the point", () => {
    const series = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 50 })), { maxLength: 30 })
      .map((pairs) => points(...pairs));
    fc.assert(
      fc.property(series, series, fc.integer({ min: 1, max: 10 }), (metric, workers, perWorker) => {
        for (const row of withPerWorkerTarget(metric, workers, perWorker)) {
          const earlier = workers.filter((sample) => sample.t <= row.t);
          if (earlier.length === 0) expect(row.target).toBeUndefined();
          else expect(earlier.map((sample) => sample.value * perWorker)).toContain(row.target);
        }
      }),
    );
  });
});

describe("timeTicks", () => {
  const spans = [15 * MINUTE, 60 * MINUTE, 6 * 60 * MINUTE, 24 * 60 * MINUTE, 7 * 24 * 60 * MINUTE, 30 * 24 * 60 * MINUTE];

  it("gives a few evenly spaced ticks inside every range the picker offers", () => {
    for (const span of spans) {
      const to = T0 + 17_345;
      const ticks = timeTicks(to - span, to);
      expect(ticks.length, `span ${span}`).toBeGreaterThanOrEqual(2);
      expect(ticks.length, `span ${span}`).toBeLessThanOrEqual(7);
      expect(ticks.every((tick) => tick >= to - span && tick <= to)).toBe(true);
      expect(new Set(ticks.slice(1).map((tick, index) => tick - ticks[index]!)).size).toBe(1);
    }
  });

  it("puts sub-hour ticks on whole minutes", () => {
    expect(timeTicks(at(0) + 1, at(15)).every((tick) => tick % MINUTE === 0)).toBe(true);
    expect(timeTicks(at(0) + 1, at(15))).toEqual([at(5), at(10), at(15)]);
  });
});

describe("timeTickFormat", () => {
  it("shows clock times up to a day and dates beyond", () => {
    expect(timeTickFormat(24 * 60 * MINUTE)).toEqual({ hour: "2-digit", minute: "2-digit" });
    expect(timeTickFormat(7 * 24 * 60 * MINUTE)).toEqual({ month: "short", day: "numeric" });
  });
});

describe("formatMetricValue", () => {
  it("shows fractions as percentages and keeps counts and milliseconds readable", () => {
    expect(formatMetricValue("cpu_utilization", 0.42)).toBe("42%");
    expect(formatMetricValue("error_rate", 0.0125)).toBe("1.3%");
    expect(formatMetricValue("health_score", 1)).toBe("100%");
    expect(formatMetricValue("response_time_ms", 231.6)).toBe("232 ms");
    expect(formatMetricValue("queue_depth", 1234.567)).toBe("1,234.57");
    expect(formatMetricValue("workers_active", 3)).toBe("3");
  });
});

describe("describeWorkerHistory", () => {
  it("names the lowest, the highest and the newest value", () => {
    expect(describeWorkerHistory(points([0, 3], [1, 8], [2, 5.25], [3, 8]))).toBe("3 to 8, now 8");
    expect(describeWorkerHistory(points([0, 4.5]))).toBe("4.5 to 4.5, now 4.5");
  });

  it("has nothing to say about an empty history", () => {
    expect(describeWorkerHistory([])).toBeNull();
  });
});
