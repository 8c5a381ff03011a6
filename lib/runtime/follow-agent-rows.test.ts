// Two console instances in one process (two local runtimes): changes made through one bring the
// other's agents in line, so every agent the rows say runs runs in exactly one instance.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { importExampleBlueprints } from "@/lib/blueprint/import-example-blueprints";
import { createCluster } from "@/lib/cluster/create-cluster";
import { deleteCluster } from "@/lib/cluster/delete-cluster";
import { hibernateCluster } from "@/lib/cluster/hibernate-cluster";
import { reactivateCluster } from "@/lib/cluster/reactivate-cluster";
import { scaleCluster } from "@/lib/cluster/scale-cluster";
import { db } from "@/lib/db";
import { audit } from "@/lib/test/test-audit";
import { type AgentRowFollower, followAgentRows } from "./follow-agent-rows";
import { LocalAgentRuntime } from "./local-runtime";

beforeAll(async () => {
  await importExampleBlueprints("blueprints");
});

const followers: AgentRowFollower[] = [];
afterEach(async () => {
  await Promise.all(followers.splice(0).map((follower) => follower.stop()));
});

/** Where each agent of the cluster runs: `running` or `hibernated` in which runtimes, by the rows' statuses. */
async function placement(clusterId: string, runtimes: Record<string, LocalAgentRuntime>) {
  const rows = await db.agent.findMany({ where: { clusterId }, select: { id: true, status: true } });
  const wrong: string[] = [];
  for (const row of rows) {
    const holders = Object.entries(runtimes).flatMap(([name, runtime]) =>
      runtime
        .localAgents()
        .filter((agent) => agent.agentId === row.id)
        .map((agent) => `${name}:${agent.status}`),
    );
    const expected = row.status === "active" || row.status === "starting" ? "running" : row.status === "hibernated" ? "hibernated" : null;
    const ok = expected === null ? holders.length === 0 : holders.length === 1 && holders[0]!.endsWith(`:${expected}`);
    if (!ok) wrong.push(`${row.id} is ${row.status} but held by [${holders.join(", ")}]`);
  }
  const known = new Set(rows.map((row) => row.id));
  for (const [name, runtime] of Object.entries(runtimes))
    for (const agent of runtime.localAgents())
      if (agent.clusterId === clusterId && !known.has(agent.agentId)) wrong.push(`${name} runs deleted ${agent.agentId}`);
  return wrong;
}

const running = (runtime: LocalAgentRuntime) => runtime.localAgents().filter((agent) => agent.status === "running").length;

describe("followAgentRows", () => {
  it("stops, hibernates and hands over an instance's agents as another instance scales, hibernates, wakes and deletes", async () => {
    const a = new LocalAgentRuntime();
    const b = new LocalAgentRuntime();
    const both = { a, b };
    const follower = followAgentRows(a);
    followers.push(follower);
    const request = { blueprint_id: "marketing-v1", name: "Followed", target_workers: 5 };
    const cluster = await createCluster(request, { runtime: a, audit });
    expect(running(a)).toBe(8);

    await scaleCluster(cluster.id, 2, { runtime: b, audit });
    // Before following, the first instance still runs the three workers the scale stopped.
    expect(await placement(cluster.id, both)).toHaveLength(3);
    await follower.follow();
    expect(await placement(cluster.id, both)).toEqual([]);
    expect(running(a)).toBe(5);

    // New and woken workers run where the scale was made.
    await scaleCluster(cluster.id, 4, { runtime: b, audit });
    await follower.follow();
    expect(await placement(cluster.id, both)).toEqual([]);
    expect([running(a), running(b)]).toEqual([5, 2]);

    await hibernateCluster(cluster.id, { runtime: b, audit });
    await follower.follow();
    expect(await placement(cluster.id, both)).toEqual([]);
    expect([running(a), running(b)]).toEqual([2, 0]);

    // Waking moves the sleeping specialist and workers to the instance that wakes them.
    await reactivateCluster(cluster.id, 3, { runtime: b, audit });
    await follower.follow();
    expect(await placement(cluster.id, both)).toEqual([]);
    expect([running(a), running(b)]).toEqual([2, 4]);

    await deleteCluster(cluster.id, { runtime: b, audit });
    await follower.follow();
    expect(a.localAgents()).toEqual([]);
  });

  it("follows by itself, within its poll when no notice comes", async () => {
    const a = new LocalAgentRuntime();
    const b = new LocalAgentRuntime();
    followers.push(followAgentRows(a, { pollMs: 100 }));
    const cluster = await createCluster({ blueprint_id: "marketing-v1", name: "Polled", target_workers: 6 }, { runtime: a, audit });
    await scaleCluster(cluster.id, 2, { runtime: b, audit });
    await expect.poll(() => placement(cluster.id, { a, b }), { timeout: 3_000, interval: 50 }).toEqual([]);
    expect(running(a)).toBe(5);
  });
});
