import { beforeAll, describe, expect, it } from "vitest";
import { importExampleBlueprints } from "@/lib/blueprint/import-example-blueprints";
import { createCluster } from "@/lib/cluster/create-cluster";
import { hibernateCluster } from "@/lib/cluster/hibernate-cluster";
import { db } from "@/lib/db";
import { InvalidInputError, NotFoundError } from "@/lib/errors";
import { LocalAgentRuntime } from "@/lib/runtime/local-runtime";
import { audit } from "@/lib/test/test-audit";
import { ingestMetricsRequestSchema, metricsQuerySchema } from "./api-schema";
import { ingestMetrics } from "./ingest-metrics";
import { pruneMetrics } from "./prune-metrics";
import { queryMetrics } from "./query-metrics";

const NOW = Date.UTC(2026, 10, 28, 12, 0, 30);
const iso = (ms: number) => new Date(ms).toISOString();
let clusterId = "";

beforeAll(async () => {
  await importExampleBlueprints("blueprints");
  clusterId = (await createCluster({ blueprint_id: "marketing-v1", name: "Metered" }, { runtime: new LocalAgentRuntime(), audit })).id;
});

const countRows = async () => ({
  points: await db.metricPoint.count({ where: { clusterId } }),
  minutes: await db.metricMinute.count({ where: { clusterId } }),
});

describe("the request schema", () => {
  it("accepts known names with finite values, and refuses the rest with a reason", () => {
    expect(
      ingestMetricsRequestSchema.safeParse({
        points: [
          { name: "queue_depth", value: 3 },
          { name: "cpu_utilization", value: 0.5, ts: "2026-11-28T12:00:00Z" },
        ],
      }).success,
    ).toBe(true);
    const refused = (body: unknown) =>
      ingestMetricsRequestSchema.safeParse(body).error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    expect(refused({ points: [{ name: "happiness", value: 1 }] })?.[0]).toMatch(/^points.0.name: name must be one of queue_depth/);
    expect(refused({ points: [{ name: "queue_depth", value: Number.POSITIVE_INFINITY }] })).toHaveLength(1);
    expect(refused({ points: [{ name: "queue_depth", value: Number.NaN }] })).toHaveLength(1);
    expect(refused({ points: [{ name: "queue_depth", value: "3" }] })).toHaveLength(1);
    expect(refused({ points: [{ name: "queue_depth", value: 1, ts: "yesterday" }] })?.[0]).toMatch(/ISO 8601/);
    expect(refused({ points: [] })?.[0]).toMatch(/at least one point/);
    expect(refused({ points: Array.from({ length: 1001 }, () => ({ name: "queue_depth", value: 1 })) })?.[0]).toMatch(
      /at most 1000 points/,
    );
    expect(metricsQuerySchema.safeParse({ name: "queue_depth", step: "90" }).error?.issues[0]?.message).toBe(
      "step must be a multiple of 60 seconds",
    );
    expect(metricsQuerySchema.safeParse({ name: "queue_depth", from: "2026-11-28T12:00:00Z", to: "2026-11-28T11:00:00Z" }).success).toBe(
      false,
    );
  });
});

describe("ingestMetrics and queryMetrics", () => {
  it("stores raw points and folds them into per-minute aggregates, across batches", async () => {
    const minute = Math.floor(NOW / 60_000) * 60_000;
    await ingestMetrics(
      clusterId,
      {
        points: [
          { name: "queue_depth", value: 10, ts: iso(minute + 1_000) },
          { name: "queue_depth", value: 30, ts: iso(minute + 2_000) },
        ],
      },
      NOW,
    );
    await ingestMetrics(
      clusterId,
      {
        points: [
          { name: "queue_depth", value: 5, ts: iso(minute + 3_000) },
          { name: "queue_depth", value: 7 },
        ],
      },
      NOW,
    );
    const raw = await queryMetrics(clusterId, { name: "queue_depth", from: iso(minute), to: iso(NOW) }, NOW);
    expect(raw.points.map((point) => ("value" in point ? point.value : null))).toEqual([10, 30, 5, 7]);
    const stepped = await queryMetrics(clusterId, { name: "queue_depth", from: iso(minute), to: iso(NOW), step: 60 }, NOW);
    expect(stepped.points).toEqual([{ ts: iso(minute), avg: 13, min: 5, max: 30, count: 4 }]);
  });

  it("aggregates several minutes into one step", async () => {
    const base = Math.floor(NOW / 300_000) * 300_000 - 300_000;
    const points = Array.from({ length: 5 }, (_, index) => ({
      name: "cpu_utilization" as const,
      value: index / 10,
      ts: iso(base + index * 60_000),
    }));
    await ingestMetrics(clusterId, { points }, NOW);
    const stepped = await queryMetrics(clusterId, { name: "cpu_utilization", from: iso(base), to: iso(base + 299_000), step: 300 }, NOW);
    expect(stepped.points).toHaveLength(1);
    expect(stepped.points[0]).toMatchObject({ ts: iso(base), min: 0, max: 0.4, count: 5 });
    expect((stepped.points[0] as { avg: number }).avg).toBeCloseTo(0.2);
  });

  it("refuses a batch with a point from the future or past the retention, and stores nothing of it", async () => {
    const before = await countRows();
    const future = ingestMetrics(
      clusterId,
      {
        points: [
          { name: "queue_depth", value: 1 },
          { name: "queue_depth", value: 1, ts: iso(NOW + 60_000) },
        ],
      },
      NOW,
    );
    await expect(future).rejects.toBeInstanceOf(InvalidInputError);
    await expect(future).rejects.toMatchObject({
      fieldErrors: [{ path: "points[1].ts", message: expect.stringMatching(/60 s in the future/) }],
    });
    await expect(
      ingestMetrics(clusterId, { points: [{ name: "queue_depth", value: 1, ts: iso(NOW - 25 * 3600_000) }] }, NOW),
    ).rejects.toBeInstanceOf(InvalidInputError);
    await expect(ingestMetrics("no-such-cluster", { points: [{ name: "queue_depth", value: 1 }] }, NOW)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await countRows()).toEqual(before);
  });

  it("accepts points for a hibernated cluster: that is how demand wakes it", async () => {
    const runtime = new LocalAgentRuntime();
    const sleeping = await createCluster({ blueprint_id: "marketing-v1", name: "Sleeper" }, { runtime, audit });
    await hibernateCluster(sleeping.id, { runtime, audit });
    expect(await ingestMetrics(sleeping.id, { points: [{ name: "queue_depth", value: 12 }] }, NOW)).toEqual({ accepted: 1 });
  });

  it("prunes raw points after 24 hours and minute aggregates after 30 days", async () => {
    const old = NOW - 2 * 24 * 3600_000;
    await db.metricPoint.create({ data: { clusterId, name: "error_rate", value: 1, ts: old } });
    await db.metricMinute.create({
      data: { clusterId, name: "error_rate", minute: Math.floor(old / 60_000), count: 1, sum: 1, min: 1, max: 1 },
    });
    await db.metricMinute.create({
      data: { clusterId, name: "error_rate", minute: Math.floor((NOW - 31 * 24 * 3600_000) / 60_000), count: 1, sum: 1, min: 1, max: 1 },
    });
    expect(await pruneMetrics(NOW)).toEqual({ points: 1, minutes: 1 });
    expect(await db.metricMinute.count({ where: { clusterId, name: "error_rate" } })).toBe(1);
  });
});
