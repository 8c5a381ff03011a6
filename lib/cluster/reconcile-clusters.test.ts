// Crash recovery: the database says one thing, a freshly started runtime knows nothing; and other
// console instances may be at work on the same database.
import { beforeAll, describe, expect, it } from "vitest";
import { importExampleBlueprints } from "@/lib/blueprint/import-example-blueprints";
import { db } from "@/lib/db";
import { isPostgres } from "@/lib/db/dialect";
import type { RuntimeAgent } from "@/lib/runtime/agent-runtime";
import { INSTANCE_STALE_MS, recordInstanceHeartbeat } from "@/lib/runtime/console-instances";
import { LocalAgentRuntime } from "@/lib/runtime/local-runtime";
import { withClusterLock } from "./cluster-lock";
import { createCluster } from "./create-cluster";
import { hibernateCluster } from "./hibernate-cluster";
import { reconcileClusters } from "./reconcile-clusters";
import { audit } from "@/lib/test/test-audit";

beforeAll(async () => {
  await importExampleBlueprints("blueprints");
});

const request = { blueprint_id: "marketing-v1", name: "Recovered", target_workers: 5 };

describe("reconcileClusters", () => {
  it("rolls back a cluster a crash left spawning, finishes one left scaling, and restarts the rest", async () => {
    const before = new LocalAgentRuntime();
    const spawning = await createCluster(request, { runtime: before, audit });
    await db.cluster.update({ where: { id: spawning.id }, data: { status: "spawning" } });

    const scaling = await createCluster(request, { runtime: before, audit });
    // A crash after the rows of a scale step were written but before its agents started.
    await db.cluster.update({ where: { id: scaling.id }, data: { status: "scaling" } });
    await db.agent.updateMany({
      where: { clusterId: scaling.id, name: { in: ["copywriter-4", "social-poster-1"] } },
      data: { status: "starting" },
    });

    const steady = await createCluster(request, { runtime: before, audit });
    const asleep = await createCluster(request, { runtime: before, audit });
    await hibernateCluster(asleep.id, { runtime: before, audit });

    const after = new LocalAgentRuntime();
    const report = await reconcileClusters(after);
    expect(report.rolledBack).toEqual([spawning.id]);
    expect(report.finished).toEqual([scaling.id]);
    expect(await db.cluster.count({ where: { id: spawning.id } })).toBe(0);
    expect(await db.agent.count({ where: { clusterId: spawning.id } })).toBe(0);

    const finished = await db.cluster.findUniqueOrThrow({ where: { id: scaling.id } });
    expect(finished).toMatchObject({ status: "active", currentWorkers: 5 });
    expect(await db.agent.count({ where: { clusterId: scaling.id, status: "starting" } })).toBe(0);

    const steadyAgents = await db.agent.findMany({ where: { clusterId: steady.id } });
    for (const agent of steadyAgents) expect(await after.status(agent.id)).toBe("running");
    const sleepingWorker = await db.agent.findFirstOrThrow({ where: { clusterId: asleep.id, role: "worker" } });
    expect(await after.status(sleepingWorker.id)).toBe("hibernated");
    expect(after.runningCount).toBe(8 + 8 + 2);

    const again = await reconcileClusters(after);
    expect(again).toEqual({ rolledBack: [], finished: [], agentsStarted: 0, busy: [] });
  });
});

/** A runtime whose agents start only once `open()` is called: an action held in its middle. */
class GatedRuntime extends LocalAgentRuntime {
  open!: () => void;
  private readonly gate = new Promise<void>((resolve) => (this.open = resolve));
  override async start(agent: RuntimeAgent): Promise<void> {
    await this.gate;
    return super.start(agent);
  }
}

describe("reconcileClusters beside other instances", () => {
  it("leaves a cluster whose lock is held, however its status reads, and finishes it once the lock is free", async () => {
    const runtime = new LocalAgentRuntime();
    const cluster = await createCluster({ ...request, name: "Mid-step" }, { runtime, audit });
    await db.cluster.update({ where: { id: cluster.id }, data: { status: "scaling" } });

    let release!: () => void;
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const action = withClusterLock(cluster.id, () => {
      holding();
      return new Promise<void>((resolve) => (release = resolve));
    });
    await held;
    const restarted = new LocalAgentRuntime();
    const report = await reconcileClusters(restarted, { clusterIds: [cluster.id] });
    expect(report).toEqual({ rolledBack: [], finished: [], agentsStarted: 0, busy: [cluster.id] });
    expect(await db.cluster.findUniqueOrThrow({ where: { id: cluster.id } })).toMatchObject({ status: "scaling" });
    expect(restarted.localAgents()).toEqual([]);

    release();
    await action;
    expect(await reconcileClusters(restarted, { clusterIds: [cluster.id] })).toMatchObject({ finished: [cluster.id], busy: [] });
  });

  it("never rolls back a cluster being created: creation holds the lock from before the cluster's row exists", async () => {
    const creator = new GatedRuntime();
    const creating = createCluster({ ...request, name: "Being created" }, { runtime: creator, audit });
    await expect
      .poll(() => db.cluster.findFirst({ where: { name: "Being created" }, select: { status: true } }), { timeout: 5_000 })
      .toEqual({ status: "spawning" });
    const { id } = await db.cluster.findFirstOrThrow({ where: { name: "Being created" } });

    const report = await reconcileClusters(new LocalAgentRuntime());
    expect(report.busy).toContain(id);
    expect(report.rolledBack).not.toContain(id);
    creator.open();
    expect(await creating).toMatchObject({ id, status: "active", currentWorkers: 5 });
  });

  it.runIf(isPostgres)("leaves the agents a live instance runs alone, and takes over those of an instance gone silent", async () => {
    const first = new LocalAgentRuntime();
    await recordInstanceHeartbeat(first.instanceId);
    const cluster = await createCluster({ ...request, name: "Shared" }, { runtime: first, audit });
    const running = await db.agent.count({ where: { clusterId: cluster.id, status: "active" } });
    expect(first.localAgents()).toHaveLength(running);

    // A second instance starts while the first one runs: the cluster's agents are the first's.
    const second = new LocalAgentRuntime();
    await recordInstanceHeartbeat(second.instanceId);
    const report = await reconcileClusters(second, { clusterIds: [cluster.id] });
    expect(report).toEqual({ rolledBack: [], finished: [], agentsStarted: 0, busy: [] });
    expect(second.localAgents()).toEqual([]);

    // The first instance stops beating (it was killed): the second takes its agents over.
    await db.consoleInstance.update({
      where: { id: first.instanceId },
      data: { seenAt: new Date(Date.now() - INSTANCE_STALE_MS - 1_000) },
    });
    expect(await reconcileClusters(second, { clusterIds: [cluster.id] })).toMatchObject({ agentsStarted: running });
    expect(second.localAgents()).toHaveLength(running);
    expect(await db.agent.count({ where: { clusterId: cluster.id, status: "active", runtimeOwner: second.instanceId } })).toBe(running);
  });
});
