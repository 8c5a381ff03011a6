// Two real production instances on one fresh PostgreSQL database (the PostgreSQL leg only): one
// action at a time per cluster across them, each instance's agents following the rows the other
// writes, one autoscaler leader that another replaces when it is killed, and a restart whose
// recovery leaves alone the cluster the other instance is working on.
import { readFileSync } from "node:fs";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { agentsOf, type ConsoleCluster, localAgentsOf, logLine, startConsoleCluster } from "../support/console-cluster";

const CLUSTER_PORT = Number(process.env.E2E_PORT ?? 3100) + 10;
const TICK_MS = 250;
const LEASE_MS = 2_000;
/** The blueprint of the leader test evaluates every second. */
const EVALUATION_MS = 1_000;
/** What a busy two-core machine adds to any deadline here. */
const SLACK_MS = 1_000;

let cluster: ConsoleCluster;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  cluster = await startConsoleCluster({
    port: CLUSTER_PORT,
    env: {
      AUTOSCALER_TICK_MS: String(TICK_MS),
      AUTOSCALER_LEASE_MS: String(LEASE_MS),
      // 50 scale requests queue for one cluster: each must get its turn, not a 409.
      CLUSTER_LOCK_TIMEOUT_MS: "120000",
    },
  });
});

test.afterAll(async () => {
  await cluster?.stop();
});

async function createCluster(api: APIRequestContext, name: string, data: Record<string, unknown> = {}) {
  const response = await api.post("/api/clusters", { data: { blueprint_id: "marketing-v1", name, target_workers: 3, ...data } });
  expect(response.status()).toBe(201);
  const created = (await response.json()) as { id: string };
  // The autoscaler stays out of the way: these clusters move only when the specs say.
  expect((await api.put(`/api/clusters/${created.id}/autoscaler`, { data: { pause: "all" } })).status()).toBe(200);
  return created.id;
}

/** Target, current and active workers agree, with one supervisor and no name twice. */
async function expectConsistent(api: APIRequestContext, clusterId: string) {
  const view = (await (await api.get(`/api/clusters/${clusterId}`)).json()) as {
    status: string;
    target_workers: number;
    current_workers: number;
  };
  const agents = await agentsOf(api, clusterId);
  const active = (role: string) => agents.filter((agent) => agent.role === role && agent.status === "active").length;
  expect(view.status).toBe("active");
  expect(view.current_workers).toBe(view.target_workers);
  expect(active("worker")).toBe(view.target_workers);
  expect(active("supervisor")).toBe(1);
  expect(new Set(agents.map((agent) => agent.name)).size).toBe(agents.length);
  return agents;
}

/**
 * Every agent the database says runs (or sleeps) runs (or sleeps) in exactly one instance: the two
 * instances' local drivers together hold as many as the rows say, once they have followed them.
 */
async function expectEveryAgentRunsOnce(timeout = 5_000) {
  await expect(async () => {
    const [first, second, [rows]] = await Promise.all([
      localAgentsOf(cluster.instances[0]!),
      localAgentsOf(cluster.instances[1]!),
      cluster.query<{ running: string; hibernated: string }>(
        `SELECT count(*) FILTER (WHERE status IN ('active', 'starting')) AS running, count(*) FILTER (WHERE status = 'hibernated') AS hibernated FROM agents`,
      ),
    ]);
    expect({ running: first.running + second.running, hibernated: first.hibernated + second.hibernated }).toEqual({
      running: Number(rows!.running),
      hibernated: Number(rows!.hibernated),
    });
  }).toPass({ timeout });
}

test("50 concurrent scale requests alternating between the instances end with target, current and active workers equal", async () => {
  test.setTimeout(180_000);
  const [first, second] = cluster.instances;
  const clusterId = await createCluster(first!.api, "Fifty scales");
  const targets = Array.from({ length: 50 }, (_, index) => 2 + ((index * 7) % 11));
  const statuses = await Promise.all(
    targets.map(async (target, index) => {
      const api = (index % 2 === 0 ? first : second)!.api;
      return (await api.post(`/api/clusters/${clusterId}/scale`, { data: { target_workers: target }, timeout: 150_000 })).status();
    }),
  );
  // The end state first: a race without the cross-instance lock shows there even when every request answered.
  await expectConsistent(cluster.api, clusterId);
  await expectEveryAgentRunsOnce();
  expect(statuses).toEqual(targets.map(() => 200));
});

test("a hibernation, a wake and a deletion through one instance stop, sleep and hand over the other's agents", async () => {
  const [first, second] = cluster.instances;
  const before = await Promise.all([localAgentsOf(first!), localAgentsOf(second!)]);
  // 3 workers, the specialist, the lead and the supervisor run in the first instance.
  const clusterId = await createCluster(first!.api, "Followed", { target_workers: 3 });
  expect(await localAgentsOf(first!)).toEqual({ running: before[0]!.running + 6, hibernated: before[0]!.hibernated });

  const hibernated = Date.now();
  expect((await second!.api.post(`/api/clusters/${clusterId}/hibernate`)).status()).toBe(200);
  // The workers and the specialist sleep where they run, though the second instance hibernated them.
  await expect
    .poll(() => localAgentsOf(first!), { timeout: 3_000, intervals: [50] })
    .toEqual({ running: before[0]!.running + 2, hibernated: before[0]!.hibernated + 4 });
  const followedWithinMs = Date.now() - hibernated;
  expect(followedWithinMs).toBeLessThan(1_000 + SLACK_MS);

  // Waking runs the specialist and two workers where the wake was made; the first lets its sleepers go.
  expect((await second!.api.post(`/api/clusters/${clusterId}/reactivate`, { data: { target_workers: 2 } })).status()).toBe(200);
  await expect
    .poll(() => localAgentsOf(first!), { timeout: 3_000, intervals: [50] })
    .toEqual({ running: before[0]!.running + 2, hibernated: before[0]!.hibernated });
  expect(await localAgentsOf(second!)).toEqual({ running: before[1]!.running + 3, hibernated: before[1]!.hibernated });
  await expectEveryAgentRunsOnce();

  expect((await second!.api.delete(`/api/clusters/${clusterId}`)).status()).toBe(204);
  await expect.poll(() => localAgentsOf(first!), { timeout: 3_000, intervals: [50] }).toEqual(before[0]);
  expect(await localAgentsOf(second!)).toEqual(before[1]);
});

test("one autoscaler leader: killed, another leads within the lease and the timeline has no longer gap", async () => {
  test.setTimeout(120_000);
  // Marketing's blueprint, evaluated every second.
  const yaml = readFileSync("blueprints/marketing.yaml", "utf8")
    .replace("id: marketing-v1", "id: cluster-leader-v1")
    .replace("scale_down_stabilization_s: 300", `scale_down_stabilization_s: 300\n    evaluation_interval_s: ${EVALUATION_MS / 1000}`);
  const blueprint = await cluster.api.post("/api/blueprints", {
    data: { id: "cluster-leader-v1", name: "Marketing Department", version: "1.0.0", blueprint_yaml: yaml },
  });
  expect(blueprint.status()).toBe(201);
  const created = await cluster.api.post("/api/clusters", { data: { blueprint_id: "cluster-leader-v1", name: "Led", target_workers: 3 } });
  expect(created.status()).toBe(201);
  const clusterId = ((await created.json()) as { id: string }).id;

  const leaderPid = async () => {
    const [lease] = await cluster.query<{ holder: string; expires_at: number }>("SELECT holder, expires_at FROM autoscaler_leases");
    return lease && lease.expires_at > Date.now() ? Number(lease.holder.split(":")[1]) : undefined;
  };
  const evaluations = async () => {
    const series = await cluster.api.get(`/api/clusters/${clusterId}/metrics?name=workers_active`);
    return ((await series.json()) as { points: Array<{ ts: string }> }).points.map((point) => Date.parse(point.ts));
  };
  await expect.poll(async () => (await evaluations()).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
  const pid = await leaderPid();
  const leader = cluster.instances.find((instance) => instance.server.pid === pid)!;
  const follower = cluster.instances.find((instance) => instance !== leader)!;
  expect(leader, `the lease holder (pid ${pid}) is one of the instances`).toBeDefined();

  const killedAt = Date.now();
  await leader.server.kill("SIGKILL");
  await expect.poll(leaderPid, { timeout: LEASE_MS + TICK_MS + SLACK_MS, intervals: [50] }).toBe(follower.server.pid);
  const takeOverMs = Date.now() - killedAt;
  // A few evaluations by the new leader, then the whole timeline around the kill.
  await expect.poll(async () => (await evaluations()).filter((ts) => ts > killedAt).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
  const timeline = await evaluations();
  const gaps = timeline.slice(1).map((ts, index) => ts - timeline[index]!);
  const longestGap = Math.max(...gaps);
  test.info().annotations.push({ type: "leader", description: `took over ${takeOverMs} ms after the kill; longest gap ${longestGap} ms` });
  // The lease runs out at most LEASE_MS after the kill, the next tick takes it, and the cluster's evaluation is due.
  expect(longestGap).toBeLessThanOrEqual(LEASE_MS + EVALUATION_MS + TICK_MS + SLACK_MS);

  await cluster.restart(leader);
});

test("an instance restarting while the other works on a cluster leaves that cluster and its agents alone", async () => {
  test.setTimeout(180_000);
  const [first, second] = cluster.instances;
  const clusterId = await createCluster(first!.api, "Worked on", { target_workers: 4 });

  // The first instance scales the cluster back and forth, four requests at a time, until told to stop.
  let working = true;
  let scales = 0;
  const worker = async (offset: number) => {
    for (let step = offset; working; step += 4) {
      const response = await first!.api.post(`/api/clusters/${clusterId}/scale`, { data: { target_workers: 2 + (step % 11) } });
      expect(response.status()).toBe(200);
      scales += 1;
    }
  };
  const workers = [0, 1, 2, 3].map(worker);
  await expect.poll(() => scales, { timeout: 10_000 }).toBeGreaterThan(5);

  await second!.server.stop();
  const scalesBeforeStart = scales;
  await cluster.restart(second!);
  working = false;
  await Promise.all(workers);
  expect(scales, "the first instance kept scaling while the second started").toBeGreaterThan(scalesBeforeStart);

  const report = logLine(second!, "runtime reconciled with the database") as { rolledBack: string[]; finished: string[]; busy: string[] };
  expect(report, "the restarted instance logged its reconcile pass").toBeDefined();
  test.info().annotations.push({
    type: "restart",
    description: `${scales - scalesBeforeStart} scales while the second instance started; its reconcile found the cluster ${report.busy.includes(clusterId) ? "locked" : "between steps"}`,
  });
  expect(report.rolledBack).not.toContain(clusterId);
  expect(report.finished).not.toContain(clusterId);
  const activity = (await (await cluster.api.get(`/api/clusters/${clusterId}/activity?page_size=100`)).json()) as {
    items: Array<{ kind: string }>;
  };
  expect(activity.items.map((event) => event.kind)).not.toContain("recovered");

  await expectConsistent(cluster.api, clusterId);
  // Every running agent of the cluster is the first instance's: the restart started no second copy.
  const owners = await cluster.query<{ host: string }>(
    `SELECT DISTINCT i.host FROM agents a JOIN console_instances i ON i.id = a.runtime_owner WHERE a.cluster_id = $1 AND a.status = 'active'`,
    [clusterId],
  );
  expect(owners.map((owner) => owner.host.split(":").at(-1))).toEqual([String(first!.server.pid)]);
  expect(
    await cluster.query(`SELECT id FROM agents WHERE cluster_id = $1 AND status = 'active' AND runtime_owner IS NULL`, [clusterId]),
  ).toEqual([]);
});
