import { describe, expect, it } from "vitest";
import { chartStart, initialMetricRange, METRIC_RANGES, metricRangeQuery, metricRefetchInterval } from "./metric-ranges";

const NOW = Date.parse("2026-11-28T12:00:00.000Z");

describe("metricRangeQuery", () => {
  it("asks for raw points over the last 15 minutes and the last hour", () => {
    expect(metricRangeQuery("15m", NOW)).toEqual({ from: "2026-11-28T11:45:00.000Z", to: "2026-11-28T12:00:00.000Z" });
    expect(metricRangeQuery("1h", NOW)).toEqual({ from: "2026-11-28T11:00:00.000Z", to: "2026-11-28T12:00:00.000Z" });
  });

  it("asks for aggregates with a step that grows with the range", () => {
    expect(metricRangeQuery("6h", NOW)).toEqual({ from: "2026-11-28T06:00:00.000Z", to: "2026-11-28T12:00:00.000Z", step: "60" });
    expect(metricRangeQuery("24h", NOW)).toEqual({ from: "2026-11-27T12:00:00.000Z", to: "2026-11-28T12:00:00.000Z", step: "300" });
    expect(metricRangeQuery("7d", NOW)).toEqual({ from: "2026-11-21T12:00:00.000Z", to: "2026-11-28T12:00:00.000Z", step: "1800" });
    expect(metricRangeQuery("30d", NOW)).toEqual({ from: "2026-10-29T12:00:00.000Z", to: "2026-11-28T12:00:00.000Z", step: "7200" });
  });

  it("keeps every aggregated range to a chart-sized number of steps the route accepts", () => {
    for (const range of METRIC_RANGES) {
      if (range.stepSeconds === undefined) continue;
      expect(range.stepSeconds % 60).toBe(0);
      expect(range.spanMs / (range.stepSeconds * 1000)).toBeLessThanOrEqual(400);
    }
  });
});

describe("metricRefetchInterval", () => {
  it("polls every 10 s up to an hour and every minute beyond", () => {
    expect(METRIC_RANGES.map((range) => [range.id, metricRefetchInterval(range.id)])).toEqual([
      ["15m", 10_000],
      ["1h", 10_000],
      ["6h", 60_000],
      ["24h", 60_000],
      ["7d", 60_000],
      ["30d", 60_000],
    ]);
  });
});

describe("initialMetricRange and chartStart", () => {
  it("opens a new cluster's charts at the smallest range covering its life, an older one's at an hour", () => {
    expect(initialMetricRange(2 * 60_000)).toBe("15m");
    expect(initialMetricRange(15 * 60_000)).toBe("15m");
    expect(initialMetricRange(20 * 60_000)).toBe("1h");
    expect(initialMetricRange(30 * 24 * 60 * 60_000)).toBe("1h");
  });

  it("starts the time axis at the cluster's creation when the range reaches back before it", () => {
    expect(chartStart("2026-11-28T11:45:00.000Z", "2026-11-28T11:58:00.000Z")).toBe(Date.parse("2026-11-28T11:58:00.000Z"));
    expect(chartStart("2026-11-28T11:45:00.000Z", "2026-11-01T00:00:00.000Z")).toBe(Date.parse("2026-11-28T11:45:00.000Z"));
  });
});
