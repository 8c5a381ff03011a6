// An instance that dies leaves agents that run nowhere and maybe a step half-done; a live instance
// takes them over, and leaves alone what a live instance runs or holds.
import { beforeAll, describe, expect, it } from "vitest";
import { importExampleBlueprints } from "@/lib/blueprint/import-example-blueprints";
import { db } from "@/lib/db";
import { acquireAdvisoryLock, advisoryLockKey } from "@/lib/db/advisory-lock";
import { isPostgres } from "@/lib/db/dialect";
import { INSTANCE_STALE_MS, liveInstanceIds, recordInstanceHeartbeat, startInstanceHeartbeat } from "@/lib/runtime/console-instances";
import { LocalAgentRuntime } from "@/lib/runtime/local-runtime";
import { audit } from "@/lib/test/test-audit";
import { createCluster } from "./create-cluster";
import { recoverAbandonedClusters } from "./recovery-loop";

beforeAll(async () => {
  await importExampleBlueprints("blueprints");
});

async function liveRuntime() {
  const runtime = new LocalAgentRuntime();
  await recordInstanceHeartbeat(runtime.instanceId);
  return runtime;
}

async function silence(runtime: LocalAgentRuntime) {
  await db.consoleInstance.update({
    where: { id: runtime.instanceId },
    data: { seenAt: new Date(Date.now() - INSTANCE_STALE_MS - 1_000) },
  });
}

describe("console instances", () => {
  it.runIf(!isPostgres)("are not recorded on SQLite, where one process owns the database", async () => {
    const heartbeat = await startInstanceHeartbeat("alone");
    expect(await liveInstanceIds()).toEqual(new Set());
    await heartbeat.stop();
  });

  it.runIf(isPostgres)("are alive while their heartbeat is fresh, and gone once it stops", async () => {
    const heartbeat = await startInstanceHeartbeat("beating", 50);
    expect(await liveInstanceIds()).toContain("beating");
    const first = (await db.consoleInstance.findUniqueOrThrow({ where: { id: "beating" } })).seenAt;
    await expect.poll(async () => (await db.consoleInstance.findUniqueOrThrow({ where: { id: "beating" } })).seenAt > first).toBe(true);
    expect(await liveInstanceIds(Date.now() + INSTANCE_STALE_MS + 1_000)).not.toContain("beating");
    await heartbeat.stop();
    expect(await liveInstanceIds()).not.toContain("beating");
  });
});

describe.runIf(isPostgres)("recoverAbandonedClusters", () => {
  const request = { blueprint_id: "marketing-v1", target_workers: 3 };

  it("takes over the agents of an instance gone silent and leaves a live instance's alone", async () => {
    const alive = await liveRuntime();
    const dying = await liveRuntime();
    const survivor = await liveRuntime();
    const kept = await createCluster({ ...request, name: "Kept" }, { runtime: alive, audit });
    const orphaned = await createCluster({ ...request, name: "Orphaned" }, { runtime: dying, audit });

    await recoverAbandonedClusters(survivor);
    expect(survivor.localAgents()).toEqual([]);

    await silence(dying);
    await recoverAbandonedClusters(survivor);
    const orphanedAgents = await db.agent.findMany({ where: { clusterId: orphaned.id, status: "active" } });
    expect(orphanedAgents.map((agent) => agent.runtimeOwner)).toEqual(orphanedAgents.map(() => survivor.instanceId));
    expect(survivor.localAgents().map((agent) => agent.clusterId)).toEqual(orphanedAgents.map(() => orphaned.id));
    expect(await db.agent.count({ where: { clusterId: kept.id, runtimeOwner: alive.instanceId, status: "active" } })).toBe(6);
  });

  it("finishes a step a dead instance left half-done, unless its lock says a live one is still at it", async () => {
    const dying = await liveRuntime();
    const survivor = await liveRuntime();
    const abandoned = await createCluster({ ...request, name: "Abandoned step" }, { runtime: dying, audit });
    const underWay = await createCluster({ ...request, name: "Step under way" }, { runtime: dying, audit });
    await db.cluster.updateMany({ where: { id: { in: [abandoned.id, underWay.id] } }, data: { status: "scaling" } });
    await silence(dying);
    // A live instance still carrying out its step holds the cluster's lock.
    const stepping = (await acquireAdvisoryLock(advisoryLockKey("cluster", underWay.id), 1_000))!;

    await recoverAbandonedClusters(survivor);
    expect(await db.cluster.findUniqueOrThrow({ where: { id: abandoned.id } })).toMatchObject({ status: "active", currentWorkers: 3 });
    expect(await db.clusterEvent.count({ where: { clusterId: abandoned.id, kind: "recovered" } })).toBe(1);
    expect(await db.cluster.findUniqueOrThrow({ where: { id: underWay.id } })).toMatchObject({ status: "scaling" });
    expect(survivor.localAgents().filter((agent) => agent.clusterId === underWay.id)).toEqual([]);
    await stepping.release();
  });
});
