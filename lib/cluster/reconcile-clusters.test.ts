// Crash recovery: the database says one thing, a freshly started runtime knows nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { importExampleBlueprints } from "@/lib/blueprint/import-example-blueprints";
import { db } from "@/lib/db";
import { LocalAgentRuntime } from "@/lib/runtime/local-runtime";
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
    expect(again).toEqual({ rolledBack: [], finished: [], agentsStarted: 0 });
  });
});
