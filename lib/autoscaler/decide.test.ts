import { describe, expect, it } from "vitest";
import type { ScalingPolicy } from "@/lib/blueprint/schema";
import { type Decision, type DecisionInput, decideScale, type Recommendation } from "./decide";

const NOW = Date.UTC(2026, 10, 28, 12, 0, 0);
const seconds = (n: number) => n * 1000;

const policy = (overrides: Partial<ScalingPolicy> = {}): ScalingPolicy => ({
  metric: "cpu_utilization",
  target_value: 0.4,
  tolerance: 0.1,
  scale_up_stabilization_s: 0,
  scale_down_stabilization_s: 0,
  evaluation_interval_s: 15,
  ...overrides,
});

function input(overrides: Partial<Omit<DecisionInput, "cluster">> & { cluster?: Partial<DecisionInput["cluster"]> } = {}): DecisionInput {
  const { cluster, ...rest } = overrides;
  return {
    now: NOW,
    policy: policy(),
    metric: { value: 0.4, at: NOW },
    idleSince: null,
    history: [],
    pause: "none",
    ...rest,
    cluster: { status: "active", currentWorkers: 3, minWorkers: 1, maxWorkers: 12, ...cluster },
  };
}

const at = (secondsAgo: number, workers: number): Recommendation => ({ at: NOW - seconds(secondsAgo), workers });

describe("decideScale", () => {
  const table: Array<[string, DecisionInput, Partial<Decision>]> = [
    // The HorizontalPodAutoscaler documentation's own examples: desired = ceil(current * value / target).
    [
      "HPA docs: 200m against 100m doubles",
      input({ policy: policy({ target_value: 100 }), metric: { value: 200, at: NOW } }),
      { action: "scale", workers: 6 },
    ],
    [
      "HPA docs: 50m against 100m halves",
      input({ policy: policy({ target_value: 100 }), metric: { value: 50, at: NOW }, cluster: { currentWorkers: 6 } }),
      { action: "scale", workers: 3 },
    ],
    [
      "HPA docs: a ratio within the 0.1 tolerance changes nothing",
      input({ metric: { value: 0.42, at: NOW } }),
      { action: "none", workers: 3, recommendation: 3 },
    ],
    ["just outside the tolerance scales", input({ metric: { value: 0.46, at: NOW } }), { action: "scale", workers: 4 }],
    [
      "a per-worker metric divides the total by its target and is clamped to max_workers",
      input({
        policy: policy({ metric: "queue_depth", target_value: 10 }),
        metric: { value: 130, at: NOW },
        cluster: { currentWorkers: 6 },
      }),
      {
        action: "scale",
        workers: 12,
        recommendation: 12,
        reason: "queue_depth 130 over 6 workers, target 10 per worker -> 13, limited to 12 by max_workers",
      },
    ],
    [
      "tasks_per_minute is per worker too",
      input({
        policy: policy({ metric: "tasks_per_minute", target_value: 30 }),
        metric: { value: 95, at: NOW },
        cluster: { currentWorkers: 2 },
      }),
      { action: "scale", workers: 4 },
    ],
    [
      "min_workers raises a low recommendation",
      input({ metric: { value: 0.05, at: NOW }, cluster: { currentWorkers: 4, minWorkers: 2 } }),
      { action: "scale", workers: 2 },
    ],
    [
      "the rate policy lets the count at most double (or add 4) per evaluation",
      input({
        policy: policy({ metric: "queue_depth", target_value: 1 }),
        metric: { value: 40, at: NOW },
        cluster: { currentWorkers: 5, maxWorkers: 100 },
      }),
      { action: "scale", workers: 10, recommendation: 40 },
    ],
    [
      "from 1 worker the rate policy still allows +4",
      input({
        policy: policy({ metric: "queue_depth", target_value: 1 }),
        metric: { value: 40, at: NOW },
        cluster: { currentWorkers: 1, maxWorkers: 100 },
      }),
      { action: "scale", workers: 5 },
    ],
    [
      "scale-down waits for the window: the highest recommendation of the last 300 s wins",
      input({
        policy: policy({ scale_down_stabilization_s: 300 }),
        metric: { value: 0.2, at: NOW },
        cluster: { currentWorkers: 10 },
        history: [at(400, 10), at(100, 8)],
      }),
      { action: "scale", workers: 8, recommendation: 5 },
    ],
    [
      "the scale-down rate lets the count at most halve per evaluation",
      input({
        policy: policy({ metric: "queue_depth", target_value: 10 }),
        metric: { value: 0, at: NOW },
        cluster: { currentWorkers: 12, minWorkers: 1 },
      }),
      {
        action: "scale",
        workers: 6,
        recommendation: 1,
        reason:
          "queue_depth 0 over 12 workers, target 10 per worker -> 0, raised to 1 by min_workers, lowered only to 6 by the scale-down rate (at most half per evaluation)",
      },
    ],
    [
      "a cluster started inside the down window keeps its size until the window has passed",
      input({
        policy: policy({ scale_down_stabilization_s: 300 }),
        metric: { value: 0.1, at: NOW },
        cluster: { currentWorkers: 6, startedAt: new Date(NOW - seconds(60)) },
      }),
      { action: "none", workers: 6, recommendation: 2 },
    ],
    [
      "a cluster started before the down window may scale down at its first evaluation",
      input({
        policy: policy({ scale_down_stabilization_s: 300 }),
        metric: { value: 0.1, at: NOW },
        cluster: { currentWorkers: 6, startedAt: new Date(NOW - seconds(301)) },
      }),
      { action: "scale", workers: 3, recommendation: 2 },
    ],
    [
      "scale-down holds while the window still remembers the current size",
      input({
        policy: policy({ scale_down_stabilization_s: 300 }),
        metric: { value: 0.2, at: NOW },
        cluster: { currentWorkers: 10 },
        history: [at(100, 10)],
      }),
      { action: "none", workers: 10, recommendation: 5 },
    ],
    [
      "recommendations older than the window no longer count",
      input({
        policy: policy({ scale_down_stabilization_s: 300 }),
        metric: { value: 0.2, at: NOW },
        cluster: { currentWorkers: 10 },
        history: [at(400, 10), at(301, 10)],
      }),
      { action: "scale", workers: 5 },
    ],
    [
      "scale-up takes the lowest recommendation of its window",
      input({
        policy: policy({ scale_up_stabilization_s: 60 }),
        metric: { value: 1.2, at: NOW },
        cluster: { currentWorkers: 3 },
        history: [at(30, 5)],
      }),
      { action: "scale", workers: 5, recommendation: 9 },
    ],
    ["no metric yet: hold", input({ metric: null }), { action: "none", workers: 3, recommendation: null }],
    ["a stale metric never scales down", input({ metric: { value: 0.01, at: NOW - seconds(46) } }), { action: "none", workers: 3 }],
    ["a metric two intervals old still counts", input({ metric: { value: 0.8, at: NOW - seconds(30) } }), { action: "scale", workers: 6 }],
    [
      "idle long enough: hibernate",
      input({ policy: policy({ hibernate_after_idle_s: 600 }), metric: { value: 0, at: NOW }, idleSince: NOW - seconds(600) }),
      { action: "hibernate", workers: 0 },
    ],
    [
      "idle, but not yet long enough: only the usual scale-down",
      input({ policy: policy({ hibernate_after_idle_s: 600 }), metric: { value: 0, at: NOW }, idleSince: NOW - seconds(599) }),
      { action: "scale", workers: 1 },
    ],
    [
      "without hibernate_after_idle_s an idle cluster stays at min_workers",
      input({ metric: { value: 0, at: NOW }, idleSince: NOW - seconds(86_400), cluster: { currentWorkers: 1 } }),
      { action: "none", workers: 1 },
    ],
    [
      "hibernated and demand appears: reactivate to min_workers",
      input({ metric: { value: 3, at: NOW }, cluster: { status: "hibernated", currentWorkers: 0, minWorkers: 2 } }),
      { action: "reactivate", workers: 2 },
    ],
    [
      "hibernated with min_workers 0 wakes one worker",
      input({ metric: { value: 3, at: NOW }, cluster: { status: "hibernated", currentWorkers: 0, minWorkers: 0 } }),
      { action: "reactivate", workers: 1 },
    ],
    [
      "hibernated and still idle: nothing",
      input({ metric: { value: 0, at: NOW }, cluster: { status: "hibernated", currentWorkers: 0 } }),
      { action: "none", workers: 0 },
    ],
    [
      "a cluster in the middle of an action is left alone",
      input({ metric: { value: 0.8, at: NOW }, cluster: { status: "scaling" } }),
      { action: "none", workers: 3 },
    ],
    [
      "paused: nothing at all",
      input({ metric: { value: 0.8, at: NOW }, pause: "all" }),
      { action: "none", workers: 3, reason: "autoscaling is paused" },
    ],
    [
      "scale-out paused: no growth",
      input({ metric: { value: 0.8, at: NOW }, pause: "scale_out" }),
      { action: "none", workers: 3, recommendation: 6 },
    ],
    [
      "scale-out paused: shrinking still happens",
      input({ metric: { value: 0.2, at: NOW }, cluster: { currentWorkers: 6 }, pause: "scale_out" }),
      { action: "scale", workers: 3 },
    ],
    [
      "scale-in paused: no shrinking",
      input({ metric: { value: 0.2, at: NOW }, cluster: { currentWorkers: 6 }, pause: "scale_in" }),
      { action: "none", workers: 6 },
    ],
    [
      "scale-in paused: no hibernation either",
      input({
        policy: policy({ hibernate_after_idle_s: 60 }),
        metric: { value: 0, at: NOW },
        idleSince: NOW - seconds(120),
        pause: "scale_in",
      }),
      { action: "none", workers: 3 },
    ],
    [
      "scale-out paused: no waking",
      input({ metric: { value: 3, at: NOW }, cluster: { status: "hibernated", currentWorkers: 0 }, pause: "scale_out" }),
      { action: "none", workers: 0 },
    ],
  ];

  it.each(table)("%s", (_name, decisionInput, expected) => {
    expect(decideScale(decisionInput)).toMatchObject(expected);
  });

  it("says why in words", () => {
    expect(decideScale(input({ metric: { value: 0.42, at: NOW } })).reason).toBe(
      "cpu_utilization 0.42 on average, target 0.4: within the 10% tolerance; staying at 3",
    );
    expect(decideScale(input({ metric: null })).reason).toMatch(/no fresh cpu_utilization \(no value yet\); holding at 3 workers/);
    expect(
      decideScale(
        input({
          policy: policy({ scale_down_stabilization_s: 300 }),
          metric: { value: 0.2, at: NOW },
          cluster: { currentWorkers: 10 },
          history: [at(100, 8)],
        }),
      ).reason,
    ).toBe("cpu_utilization 0.2 on average, target 0.4 -> 5, held at 8 by the 300 s scale-down window");
  });
});

describe("a simulated day of load", () => {
  /** Ticks every evaluation interval, applies each decision at once, and returns the worker count after each tick. */
  function simulate(load: (minute: number) => number, minutes: number, scaling: Partial<ScalingPolicy>) {
    const rules = policy({
      metric: "queue_depth",
      target_value: 10,
      scale_down_stabilization_s: 300,
      hibernate_after_idle_s: 1800,
      ...scaling,
    });
    const cluster = { status: "active", currentWorkers: 2, minWorkers: 2, maxWorkers: 30 };
    const history: Recommendation[] = [];
    let idleSince: number | null = null;
    const timeline: Array<{ minute: number; workers: number; status: string; action: string }> = [];
    for (let tick = 0; tick * rules.evaluation_interval_s < minutes * 60; tick++) {
      const now = NOW + seconds(tick * rules.evaluation_interval_s);
      const minute = (tick * rules.evaluation_interval_s) / 60;
      const value = load(minute);
      idleSince = value === 0 ? (idleSince ?? now) : null;
      const decision = decideScale({ now, policy: rules, cluster, metric: { value, at: now }, idleSince, history, pause: "none" });
      if (decision.recommendation !== null) history.push({ at: now, workers: decision.recommendation });
      if (decision.action === "scale") cluster.currentWorkers = decision.workers;
      if (decision.action === "hibernate") Object.assign(cluster, { status: "hibernated", currentWorkers: 0 });
      if (decision.action === "reactivate") Object.assign(cluster, { status: "active", currentWorkers: decision.workers });
      timeline.push({ minute, workers: cluster.currentWorkers, status: cluster.status, action: decision.action });
    }
    return timeline;
  }

  // Ramp up over an hour, a plateau with noise inside the tolerance, a drop to zero, and demand again.
  const profile = (minute: number) => {
    if (minute < 60) return Math.round(minute * 3);
    if (minute < 180) return 180 + (minute % 2 === 0 ? 8 : -8);
    if (minute < 300) return 0;
    return 45;
  };
  const timeline = simulate(profile, 360, {});
  const during = (from: number, to: number) => timeline.filter((entry) => entry.minute >= from && entry.minute < to);

  it("follows the ramp up and reaches the plateau's size", () => {
    expect(during(0, 1)[0]!.workers).toBe(2);
    const ramp = during(0, 60).map((entry) => entry.workers);
    expect(ramp).toEqual([...ramp].sort((a, b) => a - b));
    expect(during(70, 71)[0]!.workers).toBe(19);
  });

  it("does not flap on the plateau, where the noise stays inside the tolerance", () => {
    expect(new Set(during(60, 180).map((entry) => entry.workers))).toEqual(new Set([19]));
  });

  it("scales down only after the 300 s window, then hibernates after 30 idle minutes, and wakes on demand", () => {
    expect(during(180, 185).every((entry) => entry.workers === 19)).toBe(true);
    // Then gradually: at most half per evaluation, 19 -> 9 -> 4 -> 2.
    expect(during(185, 186).map((entry) => entry.workers)).toEqual([9, 4, 2, 2]);
    const hibernated = timeline.find((entry) => entry.action === "hibernate")!;
    expect(hibernated.minute).toBe(210);
    expect(during(211, 300).every((entry) => entry.status === "hibernated" && entry.workers === 0)).toBe(true);
    const woken = timeline.find((entry) => entry.action === "reactivate")!;
    expect(woken.minute).toBe(300);
    expect(during(301, 360).at(-1)!.workers).toBe(5);
  });
});
