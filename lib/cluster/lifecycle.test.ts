// The cluster lifecycle on a real SQLite file with the local runtime driver.
import { beforeAll, describe, expect, it } from "vitest";
import { ClusterPlanError } from "@/lib/blueprint/plan";
import { importExampleBlueprints } from "@/lib/blueprint/import-example-blueprints";
import { db } from "@/lib/db";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { LocalAgentRuntime } from "@/lib/runtime/local-runtime";
import { createCluster } from "./create-cluster";
import { deleteCluster } from "./delete-cluster";
import { getAgent } from "./get-agent";
import { getHierarchy } from "./get-hierarchy";
import { hibernateCluster } from "./hibernate-cluster";
import { listActivity } from "./list-activity";
import { reactivateCluster } from "./reactivate-cluster";
import { scaleCluster } from "./scale-cluster";
import { updateCluster } from "./update-cluster";
import { audit } from "@/lib/test/test-audit";

beforeAll(async () => {
  await importExampleBlueprints("blueprints");
});

const seedRequest = { blueprint_id: "marketing-v1", name: "Q1 Marketing Campaign", type: "campaign" as const, target_workers: 5 };

async function workersByDefinition(clusterId: string, status = "active") {
  const rows = await db.agent.findMany({ where: { clusterId, role: "worker", status }, orderBy: { ordinal: "asc" } });
  const names: Record<string, string[]> = {};
  for (const row of rows) (names[row.definition] ??= []).push(row.name);
  return names;
}

describe("createCluster", () => {
  it("takes an operator's executor whole, and refuses one on a metadata address", async () => {
    const runtime = new LocalAgentRuntime();
    const own = { type: "openai", base_url: "http://127.0.0.1:11434/v1", model: "llama3.1" };
    // The A2A example's executor has a `url`: merged into it, the openai executor would keep it.
    const cluster = await createCluster(
      { blueprint_id: "research-a2a-v1", name: "Own executor", config: { executor: own } },
      { runtime, audit },
    );
    expect(JSON.parse(cluster.configJson).executor).toEqual(own);
    const refused = await createCluster(
      { ...seedRequest, name: "Metadata", config: { executor: { type: "a2a", url: "http://169.254.169.254/" } } },
      { runtime, audit },
    ).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InvalidInputError);
    expect((refused as InvalidInputError).fieldErrors).toEqual([expect.objectContaining({ path: "config.executor.url" })]);
    expect(await db.cluster.count({ where: { name: "Metadata" } })).toBe(0);
  });

  it("spawns the seed's Q1 Marketing Campaign with 5 workers", async () => {
    const runtime = new LocalAgentRuntime();
    const cluster = await createCluster({ ...seedRequest, config: { timezone: "UTC", extra: { a: 1 } } }, { runtime, audit });
    expect(cluster).toMatchObject({
      name: "Q1 Marketing Campaign",
      type: "campaign",
      status: "active",
      blueprintVersion: "1.0.0",
      blueprintRevision: 1,
      minWorkers: 2,
      maxWorkers: 12,
      targetWorkers: 5,
      currentWorkers: 5,
      healthScore: 1,
      createdBy: "tester@example.com",
      revision: 2,
    });
    expect(cluster.startedAt).not.toBeNull();
    expect(JSON.parse(cluster.configJson)).toEqual({
      default_model: "large",
      timezone: "UTC",
      executor: { type: "simulate" },
      extra: { a: 1 },
    });
    expect(await db.agent.count({ where: { clusterId: cluster.id, status: "active" } })).toBe(8);
    expect(runtime.runningCount).toBe(8);
    expect(await workersByDefinition(cluster.id)).toEqual({
      copywriter: ["copywriter-1", "copywriter-2", "copywriter-3", "copywriter-4"],
      "social-poster": ["social-poster-1"],
    });
    const agent = await db.agent.findFirstOrThrow({ where: { clusterId: cluster.id } });
    expect(agent.id).toMatch(/^agent-[0-9a-f-]{36}$/);
  });

  it("refuses an unknown blueprint and overrides the worker groups cannot hold, leaving nothing behind", async () => {
    const before = await db.cluster.count();
    const runtime = new LocalAgentRuntime();
    await expect(createCluster({ ...seedRequest, blueprint_id: "nope" }, { runtime, audit })).rejects.toThrow(NotFoundError);
    await expect(createCluster({ ...seedRequest, max_workers: 40 }, { runtime, audit })).rejects.toThrow(ClusterPlanError);
    expect(await db.cluster.count()).toBe(before);
    expect(runtime.runningCount).toBe(0);
  });

  it("marks agents the runtime cannot start as failed and lowers the health score", async () => {
    const runtime = new LocalAgentRuntime({ failStart: (agent) => agent.name === "copywriter-2" });
    const cluster = await createCluster(seedRequest, { runtime, audit });
    expect(cluster.status).toBe("active");
    expect(cluster.currentWorkers).toBe(4);
    expect(cluster.healthScore).toBeCloseTo(1 - 1 / 8, 3);
    expect((await db.agent.findFirstOrThrow({ where: { clusterId: cluster.id, name: "copywriter-2" } })).status).toBe("failed");
  });
});

describe("scaleCluster", () => {
  it("scales up, stops the newest on the way down, and wakes inactive workers before spawning", async () => {
    const runtime = new LocalAgentRuntime();
    const { id } = await createCluster(seedRequest, { runtime, audit });
    const up = await scaleCluster(id, 10, { runtime, audit });
    expect(up).toMatchObject({ status: "active", currentWorkers: 10, targetWorkers: 10 });
    expect(await workersByDefinition(id)).toEqual({
      copywriter: ["copywriter-1", "copywriter-2", "copywriter-3", "copywriter-4", "copywriter-5", "copywriter-6", "copywriter-7"],
      "social-poster": ["social-poster-1", "social-poster-2", "social-poster-3"],
    });

    await scaleCluster(id, 3, { runtime, audit });
    expect(await workersByDefinition(id)).toEqual({ copywriter: ["copywriter-1", "copywriter-2", "copywriter-3"] });
    expect(runtime.runningCount).toBe(3 + 3);

    await scaleCluster(id, 6, { runtime, audit });
    expect(await workersByDefinition(id)).toEqual({
      copywriter: ["copywriter-1", "copywriter-2", "copywriter-3", "copywriter-4"],
      "social-poster": ["social-poster-1", "social-poster-2"],
    });
    expect(await db.agent.count({ where: { clusterId: id, role: "worker" } })).toBe(10);
    const events = await db.clusterEvent.findMany({ where: { clusterId: id }, orderBy: { id: "asc" } });
    expect(events.map((event) => `${event.kind}:${event.fromWorkers}->${event.toWorkers}`)).toEqual([
      "created:0->5",
      "scaled:5->10",
      "scaled:10->3",
      "scaled:3->6",
    ]);
  });

  it("treats the current count as a no-op, refuses a target outside the bounds and a stale If-Match", async () => {
    const runtime = new LocalAgentRuntime();
    const cluster = await createCluster(seedRequest, { runtime, audit });
    expect((await scaleCluster(cluster.id, 5, { runtime, audit })).revision).toBe(cluster.revision);
    await expect(scaleCluster(cluster.id, 13, { runtime, audit })).rejects.toThrow(InvalidInputError);
    await expect(scaleCluster(cluster.id, 6, { runtime, audit, ifMatch: cluster.revision - 1 })).rejects.toThrow(/changed since revision/);
    expect((await scaleCluster(cluster.id, 6, { runtime, audit, ifMatch: cluster.revision })).currentWorkers).toBe(6);
    await expect(scaleCluster("no-such-cluster", 3, { runtime, audit })).rejects.toThrow(NotFoundError);
  });

  it("pauses the autoscaler with the scale when asked, in the scale's own audit line, and leaves it alone by default", async () => {
    const runtime = new LocalAgentRuntime();
    const cluster = await createCluster(seedRequest, { runtime, audit });
    await scaleCluster(cluster.id, 6, { runtime, audit });
    expect(await db.autoscalerState.findUnique({ where: { clusterId: cluster.id } })).toBeNull();

    const scaled = await scaleCluster(cluster.id, 8, { runtime, audit, autoscaler: "pause" });
    expect(scaled.currentWorkers).toBe(8);
    expect((await db.autoscalerState.findUniqueOrThrow({ where: { clusterId: cluster.id } })).pause).toBe("all");
    const line = await db.auditEntry.findFirstOrThrow({
      where: { targetId: cluster.id, action: "cluster.scale" },
      orderBy: { id: "desc" },
    });
    expect(line.summary).toBe("Q1 Marketing Campaign: scaled to 8 workers; autoscaler paused to keep this size; workers 6 -> 8, active");

    // Already paused: a scale to the same size changes nothing; a paused-for-one-direction one becomes paused for all.
    expect((await scaleCluster(cluster.id, 8, { runtime, audit, autoscaler: "pause" })).revision).toBe(scaled.revision);
    await db.autoscalerState.update({ where: { clusterId: cluster.id }, data: { pause: "scale_in" } });
    const held = await scaleCluster(cluster.id, 8, { runtime, audit, autoscaler: "pause" });
    expect(held.revision).toBe(scaled.revision + 1);
    expect((await db.autoscalerState.findUniqueOrThrow({ where: { clusterId: cluster.id } })).pause).toBe("all");
  });

  it("serializes 50 concurrent scale requests: the last applied target wins and no agent is lost", async () => {
    const runtime = new LocalAgentRuntime();
    const { id } = await createCluster(seedRequest, { runtime, audit });
    const targets = Array.from({ length: 50 }, (_, index) => 2 + ((index * 7919) % 11));
    await Promise.all(targets.map((target) => scaleCluster(id, target, { runtime, audit })));
    const cluster = await db.cluster.findUniqueOrThrow({ where: { id } });
    const last = targets[targets.length - 1]!;
    expect(cluster).toMatchObject({ status: "active", targetWorkers: last, currentWorkers: last });
    expect(await db.agent.count({ where: { clusterId: id, role: "worker", status: "active" } })).toBe(last);
    expect(await db.agent.count({ where: { clusterId: id, role: "supervisor" } })).toBe(1);
    const groups = await workersByDefinition(id);
    expect(groups.copywriter!.length).toBeGreaterThanOrEqual(2);
    expect(groups.copywriter!.length).toBeLessThanOrEqual(8);
    expect((groups["social-poster"] ?? []).length).toBeLessThanOrEqual(4);
    expect(runtime.runningCount).toBe(3 + last);
  });
});

describe("hibernateCluster and reactivateCluster", () => {
  it("puts workers and specialists to sleep and brings them back to min_workers", async () => {
    const runtime = new LocalAgentRuntime();
    const { id } = await createCluster(seedRequest, { runtime, audit });
    const asleep = await hibernateCluster(id, { runtime, audit });
    expect(asleep).toMatchObject({ status: "hibernated", currentWorkers: 0 });
    expect(asleep.hibernatedAt).not.toBeNull();
    expect(await db.agent.count({ where: { clusterId: id, status: "hibernated" } })).toBe(6);
    expect(runtime.runningCount).toBe(2);

    await expect(scaleCluster(id, 4, { runtime, audit })).rejects.toThrow(ConflictError);
    await expect(scaleCluster(id, 4, { runtime, audit })).rejects.toThrow(
      /cannot scale a cluster that is hibernated; allowed now: reactivate, update, delete/,
    );
    await expect(hibernateCluster(id, { runtime, audit })).rejects.toThrow(ConflictError);

    const awake = await reactivateCluster(id, undefined, { runtime, audit });
    expect(awake).toMatchObject({ status: "active", currentWorkers: 2, targetWorkers: 2 });
    expect((await db.agent.findFirstOrThrow({ where: { clusterId: id, role: "specialist" } })).status).toBe("active");
    expect(await workersByDefinition(id)).toEqual({ copywriter: ["copywriter-1", "copywriter-2"] });
    expect(await db.agent.count({ where: { clusterId: id, status: "hibernated" } })).toBe(0);
    expect(runtime.runningCount).toBe(5);
    await expect(reactivateCluster(id, undefined, { runtime, audit })).rejects.toThrow(ConflictError);
  });

  it("reactivates to an asked target", async () => {
    const runtime = new LocalAgentRuntime();
    const { id } = await createCluster(seedRequest, { runtime, audit });
    await hibernateCluster(id, { runtime, audit });
    expect((await reactivateCluster(id, 9, { runtime, audit })).currentWorkers).toBe(9);
    await hibernateCluster(id, { runtime, audit });
    await expect(reactivateCluster(id, 1, { runtime, audit })).rejects.toThrow(InvalidInputError);
  });
});

describe("getHierarchy", () => {
  it("nests the running team under the supervisor", async () => {
    const runtime = new LocalAgentRuntime();
    const { id } = await createCluster(seedRequest, { runtime, audit });
    await scaleCluster(id, 3, { runtime, audit });
    const tree = await getHierarchy(id);
    expect(tree).toMatchObject({ cluster_id: id, cluster_name: "Q1 Marketing Campaign", total_agents: 6 });
    expect(tree.supervisor).toMatchObject({ name: "marketing-director", role: "supervisor" });
    const lead = tree.supervisor!.subordinates.find((node) => node.name === "content-lead")!;
    expect(lead.subordinates.map((node) => node.name).sort()).toEqual(["copywriter-1", "copywriter-2", "copywriter-3", "seo-specialist"]);
    expect(lead.subordinates.find((node) => node.name === "copywriter-2")).toMatchObject({
      definition: "copywriter",
      role: "worker",
      status: "active",
    });
  });
});

describe("listActivity", () => {
  it("lists the cluster's events newest first with who did what", async () => {
    const runtime = new LocalAgentRuntime();
    const { id } = await createCluster(seedRequest, { runtime, audit });
    await scaleCluster(id, 7, { runtime, audit });
    await hibernateCluster(id, { runtime, audit });
    const page = await listActivity(id, { page: 1, page_size: 2 });
    expect(page.total).toBe(3);
    expect(page.items.map((item) => item.kind)).toEqual(["hibernated", "scaled"]);
    expect(page.items[1]).toMatchObject({
      from_workers: 5,
      to_workers: 7,
      from_status: "active",
      to_status: "active",
      actor: "tester@example.com",
    });
    await expect(listActivity("no-such-cluster", { page: 1, page_size: 20 })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("getAgent", () => {
  it("answers one agent of the cluster, and 404 for an agent of another cluster or none", async () => {
    const runtime = new LocalAgentRuntime();
    const first = await createCluster(seedRequest, { runtime, audit });
    const second = await createCluster({ ...seedRequest, name: "Another" }, { runtime, audit });
    const row = await db.agent.findFirstOrThrow({ where: { clusterId: first.id, name: "copywriter-1" } });
    expect(await getAgent(first.id, row.id)).toMatchObject({
      agent_id: row.id,
      cluster_id: first.id,
      name: "copywriter-1",
      definition: "copywriter",
      capabilities: expect.any(Array),
    });
    await expect(getAgent(second.id, row.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAgent("no-such-cluster", row.id)).rejects.toThrow(/cluster/);
  });
});

describe("a 1,000-worker cluster", () => {
  it("scales 1000 -> 10 -> 1000, hibernates and reactivates with the right counts", async () => {
    const yaml = `metadata: { id: big-v1, name: Big, version: 1.0.0 }
cluster: { type: project, min_workers: 10, max_workers: 1000 }
agents:
  - { name: chief, role: supervisor, capabilities: [plan] }
  - { name: lead, role: lead, count: 4, capabilities: [lead] }
  - { name: analyst, role: specialist, reports_to: lead, capabilities: [analyse] }
  - { name: doer, role: worker, reports_to: lead, count: 5-600, capabilities: [do] }
  - { name: helper, role: worker, count: 5-400, capabilities: [help] }
`;
    await db.blueprint.create({
      data: {
        id: "big-v1",
        name: "Big",
        version: "1.0.0",
        agentCount: 4,
        revisions: { create: { revision: 1, version: "1.0.0", blueprintYaml: yaml } },
      },
    });
    const runtime = new LocalAgentRuntime();
    const { id } = await createCluster({ blueprint_id: "big-v1", name: "Big", target_workers: 1000 }, { runtime, audit });
    const check = async (workers: number) => {
      expect(await db.agent.count({ where: { clusterId: id, role: "worker", status: "active" } })).toBe(workers);
      const tree = await getHierarchy(id);
      expect(tree.total_agents).toBe(1 + 4 + 1 + workers);
      const leads = tree.supervisor!.subordinates.filter((node) => node.role === "lead");
      expect(leads).toHaveLength(4);
    };
    await check(1000);
    await scaleCluster(id, 10, { runtime, audit });
    await check(10);
    await scaleCluster(id, 1000, { runtime, audit });
    await check(1000);
    expect(await db.agent.count({ where: { clusterId: id, role: "worker" } })).toBe(1000);
    await hibernateCluster(id, { runtime, audit });
    expect(await db.agent.count({ where: { clusterId: id, status: { in: ["active", "starting"] } } })).toBe(5);
    await reactivateCluster(id, undefined, { runtime, audit });
    await check(10);
  });
});

describe("agent rows", () => {
  it("read back through Prisma with the timestamps and fields they were written with", async () => {
    const runtime = new LocalAgentRuntime();
    const started = Date.now();
    const { id } = await createCluster(seedRequest, { runtime, audit });
    const agent = await db.agent.findFirstOrThrow({ where: { clusterId: id, name: "copywriter-1" } });
    expect(agent.createdAt).toBeInstanceOf(Date);
    expect(agent.createdAt.getTime()).toBeGreaterThanOrEqual(started - 1000);
    expect(agent.createdAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(agent).toMatchObject({ definition: "copywriter", ordinal: 1, role: "worker", status: "active" });
    expect(JSON.parse(agent.configJson)).toEqual({ temperature: 0.7 });
    expect(JSON.parse(agent.skillsJson)).toEqual(["copywriting"]);
  });
});

describe("updateCluster and deleteCluster", () => {
  it("updates within the blueprint's bounds and deletes after stopping every agent", async () => {
    const runtime = new LocalAgentRuntime();
    const { id, revision } = await createCluster(seedRequest, { runtime, audit });
    const updated = await updateCluster(id, { name: "Renamed", max_workers: 8, config: { tone: "formal" } }, { audit, ifMatch: revision });
    expect(updated).toMatchObject({ name: "Renamed", maxWorkers: 8, revision: revision + 1 });
    await expect(updateCluster(id, { max_workers: 20 }, { audit })).rejects.toThrow(InvalidInputError);
    await expect(updateCluster(id, { min_workers: 6 }, { audit })).rejects.toThrow(/scale it into \[6, 8\] first/);
    await expect(updateCluster(id, { name: "x" }, { audit, ifMatch: revision })).rejects.toThrow(ConflictError);

    await deleteCluster(id, { runtime, audit });
    expect(await db.cluster.count({ where: { id } })).toBe(0);
    expect(await db.agent.count({ where: { clusterId: id } })).toBe(0);
    expect(runtime.runningCount).toBe(0);
    await expect(deleteCluster(id, { runtime, audit })).rejects.toThrow(NotFoundError);
  });
});
