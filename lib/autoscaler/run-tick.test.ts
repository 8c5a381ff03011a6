// The autoscaler tick and lease on a real SQLite file with the local runtime: decisions applied
// through the cluster services, recorded on the timeline, paused, hibernating and waking.
import { beforeAll, describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { importExampleBlueprints } from "@/lib/blueprint/import-example-blueprints";
import { createBlueprint } from "@/lib/blueprint/create-blueprint";
import { createCluster } from "@/lib/cluster/create-cluster";
import { db } from "@/lib/db";
import { ingestMetrics } from "@/lib/metrics/ingest-metrics";
import { LocalAgentRuntime } from "@/lib/runtime/local-runtime";
import { audit } from "@/lib/test/test-audit";
import { getAutoscalerView } from "./get-autoscaler-view";
import { setAutoscalerPause } from "./set-autoscaler-pause";
import { acquireAutoscalerLease } from "./lease";
import { HOLD_EVENT_KIND, runAutoscalerTick } from "./run-tick";

const runtime = new LocalAgentRuntime();
const SECOND = 1000;
const iso = (ms: number) => new Date(ms).toISOString();

beforeAll(async () => {
  await importExampleBlueprints("blueprints");
});

// marketing-v1: queue_depth, 10 per worker, workers 2..12, starts with 3, evaluated every 15 s,
// down window 300 s, hibernates after 3600 s at 0.
const spawn = (name: string) => createCluster({ blueprint_id: "marketing-v1", name }, { runtime, audit });
const queueDepth = (clusterId: string, value: number, at: number) =>
  ingestMetrics(clusterId, { points: [{ name: "queue_depth", value, ts: iso(at) }] }, at);
const cluster = (id: string) => db.cluster.findUniqueOrThrow({ where: { id } });
const holdEvents = (clusterId: string) => db.clusterEvent.findMany({ where: { clusterId, kind: HOLD_EVENT_KIND } });

describe("runAutoscalerTick", () => {
  it("scales on the metric through scaleCluster, as actor autoscaler, with the reason in words", async () => {
    const { id } = await spawn("Busy desk");
    const now = Date.now();
    await queueDepth(id, 130, now);
    const result = await runAutoscalerTick(runtime, now);
    expect(result.changed).toBeGreaterThanOrEqual(1);
    expect((await cluster(id)).currentWorkers).toBe(7);

    const [event] = await db.clusterEvent.findMany({ where: { clusterId: id, kind: "scaled" }, orderBy: { id: "desc" }, take: 1 });
    expect(event).toMatchObject({ actor: "autoscaler", fromWorkers: 3, toWorkers: 7 });
    expect(event!.reason).toBe(
      "queue_depth 130 over 3 workers, target 10 per worker -> 13, limited to 12 by max_workers, limited to 7 by the scale-up rate (double or +4 per evaluation)",
    );
    expect(await db.auditEntry.count({ where: { targetId: id, actorEmail: "autoscaler", action: "cluster.scale" } })).toBe(1);
    const view = await getAutoscalerView(id);
    expect(view.decisions).toEqual([expect.objectContaining({ action: "scale", from_workers: 3, to_workers: 7 })]);
    expect(view.last_decision).toMatchObject({ action: "scale", from_workers: 3, to_workers: 7 });
    expect(view.recommendation).toBe(12);
    expect(view.next_evaluation_at).toBe(iso(now + 15 * SECOND));

    // Not due again before its 15 s interval; then the next step up reaches max_workers.
    await runAutoscalerTick(runtime, now + 5 * SECOND);
    expect((await cluster(id)).currentWorkers).toBe(7);
    await runAutoscalerTick(runtime, now + 15 * SECOND);
    expect((await cluster(id)).currentWorkers).toBe(12);
  });

  it("records the workers, health and task series at each evaluation", async () => {
    const { id } = await spawn("Collected");
    const now = Date.now();
    await runAutoscalerTick(runtime, now);
    const latest = await db.metricLatest.findMany({ where: { clusterId: id }, orderBy: { name: "asc" } });
    expect(latest.map((row) => [row.name, row.value, row.ts, row.postedTs])).toEqual([
      ["error_rate", 0, now, null],
      ["health_score", 1, now, null],
      ["queue_depth", 0, now, null],
      ["response_time_ms", 0, now, null],
      ["tasks_per_minute", 0, now, null],
      ["workers_active", 3, now, null],
      ["workers_failed", 0, now, null],
      ["workers_starting", 0, now, null],
    ]);
  });

  it("keeps one timeline entry for the latest decision that changed nothing", async () => {
    const { id } = await spawn("Quiet desk");
    const now = Date.now();
    await runAutoscalerTick(runtime, now);
    expect((await holdEvents(id)).map((event) => event.reason)).toEqual([
      "queue_depth 0 over 3 workers, target 10 per worker -> 0, raised to 2 by min_workers, held at 3 by the 300 s scale-down window; staying at 3",
    ]);

    await runAutoscalerTick(runtime, now + 15 * SECOND);
    expect(await holdEvents(id)).toHaveLength(1);

    await queueDepth(id, 31, now + 20 * SECOND);
    await runAutoscalerTick(runtime, now + 30 * SECOND);
    const holds = await holdEvents(id);
    expect(holds.map((event) => [event.actor, event.reason])).toEqual([
      ["autoscaler", "queue_depth 31 over 3 workers, target 10 per worker: within the 10% tolerance; staying at 3"],
    ]);
    expect(holds[0]!.createdAt.getTime()).toBe(now + 30 * SECOND);
    expect((await getAutoscalerView(id)).last_decision).toMatchObject({ action: "none", from_workers: 3, to_workers: 3 });
  });

  it("keeps a new cluster at its starting size for the scale-down window", async () => {
    const { id } = await spawn("Fresh desk");
    const now = Date.now();
    await queueDepth(id, 0, now);
    await runAutoscalerTick(runtime, now);
    expect((await cluster(id)).currentWorkers).toBe(3);
    expect((await getAutoscalerView(id)).last_decision?.reason).toBe(
      "queue_depth 0 over 3 workers, target 10 per worker -> 0, raised to 2 by min_workers, held at 3 by the 300 s scale-down window; staying at 3",
    );
  });

  it("never scales down on a stale metric that only posts give", async () => {
    const marketing = await readFile("blueprints/marketing.yaml", "utf8");
    const cpu = marketing
      .replace("id: marketing-v1", "id: cpu-scaled-v1")
      .replace("name: Marketing Department", "name: CPU scaled")
      .replace("metric: queue_depth\n    target_value: 10", "metric: cpu_utilization\n    target_value: 0.6");
    expect(cpu).toContain("metric: cpu_utilization");
    await createBlueprint({ id: "cpu-scaled-v1", name: "CPU scaled", version: "1.0.0", blueprint_yaml: cpu }, { audit });
    const { id } = await createCluster({ blueprint_id: "cpu-scaled-v1", name: "Gone quiet" }, { runtime, audit });
    const now = Date.now();
    await ingestMetrics(id, { points: [{ name: "cpu_utilization", value: 0.05, ts: iso(now) }] }, now);
    await runAutoscalerTick(runtime, now + 46 * SECOND);
    expect((await cluster(id)).currentWorkers).toBe(3);
    expect((await getAutoscalerView(id)).last_decision?.reason).toMatch(/^no fresh cpu_utilization \(the newest value is 46 s old\)/);
  });

  it("honours a pause and says so; resuming lets it act again", async () => {
    const { id } = await spawn("Paused desk");
    const now = Date.now();
    const paused = await setAutoscalerPause(id, "scale_out", { audit });
    expect(paused.pause).toBe("scale_out");
    expect(
      await db.clusterEvent.count({ where: { clusterId: id, kind: "autoscaler-pause", reason: "autoscaling paused for scaling out" } }),
    ).toBe(1);
    expect(await db.auditEntry.count({ where: { targetId: id, action: "cluster.autoscaler_pause" } })).toBe(1);

    await queueDepth(id, 60, now);
    await runAutoscalerTick(runtime, now);
    expect((await cluster(id)).currentWorkers).toBe(3);
    expect((await getAutoscalerView(id)).last_decision?.reason).toMatch(/-> 6; scaling out is paused$/);

    await setAutoscalerPause(id, "none", { audit });
    await runAutoscalerTick(runtime, now + 15 * SECOND);
    expect((await cluster(id)).currentWorkers).toBe(6);
  });

  it("hibernates a cluster idle for hibernate_after_idle_s and wakes it when demand returns", async () => {
    const { id } = await spawn("Night shift");
    const start = Date.now();
    const hour = 3600 * SECOND;
    await ingestMetrics(
      id,
      {
        points: [
          { name: "queue_depth", value: 0, ts: iso(start + SECOND) },
          { name: "queue_depth", value: 0, ts: iso(start + hour) },
        ],
      },
      start + hour,
    );

    // An hour at 0 first brings it down to min_workers; hibernation waits for the full idle time.
    await runAutoscalerTick(runtime, start + hour - 10 * SECOND);
    expect(await cluster(id)).toMatchObject({ status: "active", currentWorkers: 2 });
    await runAutoscalerTick(runtime, start + hour + 10 * SECOND);
    expect(await cluster(id)).toMatchObject({ status: "hibernated", currentWorkers: 0 });
    expect((await db.clusterEvent.findFirst({ where: { clusterId: id, kind: "hibernated" } }))?.reason).toMatch(
      /^queue_depth has been 0 for 36\d\d s \(hibernate_after_idle_s 3600\); hibernating$/,
    );

    await queueDepth(id, 4, start + hour + 30 * SECOND);
    await runAutoscalerTick(runtime, start + hour + 30 * SECOND);
    expect(await cluster(id)).toMatchObject({ status: "active", currentWorkers: 2 });
    expect((await getAutoscalerView(id)).decisions.map((decision) => decision.action)).toEqual(["reactivate", "hibernate", "scale"]);
  });

  it("leaves clusters whose blueprint has no scaling section alone, but still collects their series", async () => {
    const marketing = await readFile("blueprints/marketing.yaml", "utf8");
    const unscaled = marketing
      .replace("id: marketing-v1", "id: unscaled-v1")
      .replace("name: Marketing Department", "name: Unscaled")
      .replace(/\n {2}scaling:\n(?: {4}.*\n)+/, "\n");
    expect(unscaled).not.toContain("scaling:");
    await createBlueprint({ id: "unscaled-v1", name: "Unscaled", version: "1.0.0", blueprint_yaml: unscaled }, { audit });
    const { id } = await createCluster({ blueprint_id: "unscaled-v1", name: "Hand-run" }, { runtime, audit });
    const now = Date.now();
    await queueDepth(id, 500, now);
    await runAutoscalerTick(runtime, now);

    expect((await cluster(id)).currentWorkers).toBe(3);
    expect(await holdEvents(id)).toEqual([]);
    expect(await db.metricLatest.count({ where: { clusterId: id, name: "workers_active" } })).toBe(1);
    const view = await getAutoscalerView(id);
    expect(view).toMatchObject({ policy: null, last_decision: null, next_evaluation_at: iso(now + 15 * SECOND) });
    expect(view.policy_summary).toMatch(/no scaling section/);
  });
});

describe("the autoscaler lease", () => {
  it("lets one holder act, renews for it, and passes to another only after it expires", async () => {
    const now = Date.now();
    expect(await acquireAutoscalerLease("instance-a", now, 30 * SECOND)).toBe(true);
    expect(await acquireAutoscalerLease("instance-b", now + SECOND, 30 * SECOND)).toBe(false);
    expect(await acquireAutoscalerLease("instance-a", now + 2 * SECOND, 30 * SECOND)).toBe(true);
    expect(await acquireAutoscalerLease("instance-b", now + 31 * SECOND, 30 * SECOND)).toBe(false);
    expect(await acquireAutoscalerLease("instance-b", now + 33 * SECOND, 30 * SECOND)).toBe(true);
    expect(await acquireAutoscalerLease("instance-a", now + 34 * SECOND, 30 * SECOND)).toBe(false);
  });

  it("goes to exactly one of many instances asking at once", async () => {
    const later = Date.now() + 10 * 60 * SECOND;
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, index) => acquireAutoscalerLease(`racer-${index}`, later, 30 * SECOND)),
    );
    expect(answers.filter(Boolean)).toHaveLength(1);
  });
});
