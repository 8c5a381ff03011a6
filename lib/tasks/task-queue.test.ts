// The queue of the test leg's database (SQLite or PostgreSQL), for real: claims by routing,
// priority and age; leases renewed, expired and released; completions accepted once and refused
// (and recorded) after a lost lease.
import { beforeAll, describe, expect, it } from "vitest";
import { importExampleBlueprints } from "@/lib/blueprint/import-example-blueprints";
import { createCluster } from "@/lib/cluster/create-cluster";
import { db } from "@/lib/db";
import { LocalAgentRuntime } from "@/lib/runtime/local-runtime";
import { audit } from "@/lib/test/test-audit";
import type { TaskRequest } from "./api-schema";
import { createTaskQueue } from "./task-queue-for-process";
import { submitTasks } from "./submit-tasks";
import type { AgentSlot } from "./task-queue";
import { taskSignals } from "./task-signals";
import { LEASE_MARGIN_MS, LEASE_MS, leaseEnd, retryBackoffMs } from "./task-status";

const queue = createTaskQueue(db);
const runtime = new LocalAgentRuntime();

beforeAll(async () => {
  await importExampleBlueprints("blueprints");
});

/** A marketing-v1 cluster (4 copywriters, a social poster, an SEO specialist...) and a free slot per agent. */
async function marketingCluster(name: string) {
  const cluster = await createCluster({ blueprint_id: "marketing-v1", name, target_workers: 5 }, { runtime, audit });
  const agents = await db.agent.findMany({
    where: { clusterId: cluster.id, status: "active" },
    orderBy: [{ definition: "asc" }, { ordinal: "asc" }],
  });
  const slots = agents.map((agent): AgentSlot => ({
    agentId: agent.id,
    clusterId: cluster.id,
    definition: agent.definition,
    role: agent.role,
    capabilities: JSON.parse(agent.capabilitiesJson) as string[],
  }));
  const slotOf = (definition: string, index = 0) => slots.filter((slot) => slot.definition === definition)[index]!;
  return { cluster, slots, slotOf };
}

type Submitted = Pick<TaskRequest, "input"> & Partial<Omit<TaskRequest, "input">>;

async function submit(clusterId: string, tasks: Submitted[], now = Date.now()) {
  const answer = await submitTasks(
    clusterId,
    { tasks: tasks.map((task) => ({ priority: 5, timeout_s: 300, max_attempts: 3, ...task })) },
    { audit, runtime, now },
  );
  if (!("items" in answer)) throw new Error("a batch answers items");
  return answer.items.map((item) => item.id);
}

const statusOf = async (taskId: string) => (await db.task.findUniqueOrThrow({ where: { id: taskId } })).status;
const attemptsOf = (taskId: string) => db.taskAttempt.findMany({ where: { taskId }, orderBy: { number: "asc" } });

describe("claim", () => {
  it("hands the best waiting tasks to the slots in the order offered, with a lease and an attempt each", async () => {
    const { cluster, slotOf } = await marketingCluster("Claims");
    const now = Date.now();
    const [low, high, middle, older] = await submit(cluster.id, [
      { input: "low", priority: 1 },
      { input: "high", priority: 9, timeout_s: 5 },
      { input: "middle" },
      { input: "middle but later" },
    ]);
    const first = slotOf("copywriter", 0);
    const second = slotOf("copywriter", 1);
    const claimed = await queue.claim([first, second], now);
    expect(claimed).toEqual([
      {
        taskId: high,
        clusterId: cluster.id,
        agentId: first.agentId,
        attempt: 1,
        input: "high",
        metadata: null,
        timeoutS: 5,
        leaseExpiresAt: leaseEnd(now, now, 5),
      },
      expect.objectContaining({ taskId: middle, agentId: second.agentId, attempt: 1, leaseExpiresAt: now + LEASE_MS }),
    ]);
    expect(await statusOf(low!)).toBe("queued");
    expect(await statusOf(older!)).toBe("queued");
    const task = await db.task.findUniqueOrThrow({ where: { id: high } });
    expect(task).toMatchObject({
      status: "running",
      agentId: first.agentId,
      attemptCount: 1,
      lastAttempt: 1,
      startedAt: now,
      updatedAt: now,
    });
    expect(await attemptsOf(high!)).toMatchObject([
      { number: 1, agentId: first.agentId, startedAt: now, outcome: "running", endedAt: null },
    ]);
    expect(await db.clusterChange.count({ where: { taskId: { in: [high!, middle!] } } })).toBe(4);
    // Nothing left for a slot whose tasks are all taken; an empty offer claims nothing.
    expect(await queue.claim([], now)).toEqual([]);
  });

  it("routes by definition, else capability, else to workers only", async () => {
    const { cluster, slotOf } = await marketingCluster("Routing");
    const [forSeo, forPublishing, plain] = await submit(cluster.id, [
      { input: 1, definition: "seo-specialist" },
      { input: 2, capability: "publishing" },
      { input: 3 },
    ]);
    const now = Date.now();
    // The supervisor and the lead take nothing: nothing names them.
    expect(await queue.claim([slotOf("marketing-director"), slotOf("content-lead")], now)).toEqual([]);
    // A copywriter lists neither "publishing" nor is it the specialist: it gets the plain task.
    expect((await queue.claim([slotOf("copywriter")], now)).map((task) => task.taskId)).toEqual([plain]);
    expect((await queue.claim([slotOf("social-poster")], now)).map((task) => task.taskId)).toEqual([forPublishing]);
    expect((await queue.claim([slotOf("seo-specialist")], now)).map((task) => task.taskId)).toEqual([forSeo]);
  });

  it("claims for many clusters and definitions in one call, each task once", async () => {
    const a = await marketingCluster("Many A");
    const b = await marketingCluster("Many B");
    // Five workers in A: the sixth plain task waits.
    const aTasks = await submit(
      a.cluster.id,
      Array.from({ length: 6 }, (_, index) => ({ input: index })),
    );
    const bTasks = await submit(b.cluster.id, [{ input: "seo", definition: "seo-specialist" }, { input: "plain" }]);
    const claimed = await queue.claim([...a.slots, ...b.slots], Date.now());
    const ids = claimed.map((task) => task.taskId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual([...aTasks.slice(0, 5), ...bTasks].sort());
    expect(new Set(claimed.map((task) => task.agentId)).size).toBe(claimed.length);
  });
});

describe("complete", () => {
  it("accepts the lease holder once, and refuses and records a stale or foreign completion", async () => {
    const { cluster, slotOf } = await marketingCluster("Completions");
    const [taskId] = await submit(cluster.id, [{ input: "once" }]);
    const now = Date.now();
    const [claimed] = await queue.claim([slotOf("copywriter")], now);
    const lease = { taskId: taskId!, agentId: claimed!.agentId, attempt: 1 };
    const finished: string[] = [];
    const onFinished = (id: string) => finished.push(id);
    taskSignals().on("finished", onFinished);
    try {
      expect(await queue.complete({ ...lease, agentId: "agent-other" }, { outcome: "succeeded", result: "no" }, now + 1)).toEqual({
        accepted: false,
        reason: "the task was handed to another agent",
      });
      expect(
        await queue.complete(
          lease,
          { outcome: "succeeded", result: { text: "done" }, executorRef: "ref-1", facts: { tokens: 12 } },
          now + 2,
        ),
      ).toEqual({ accepted: true, status: "succeeded" });
      expect(await queue.complete(lease, { outcome: "failed", error: { type: "late", message: "again" } }, now + 3)).toEqual({
        accepted: false,
        reason: "the task is succeeded",
      });
    } finally {
      taskSignals().off("finished", onFinished);
    }
    expect(finished).toEqual([taskId]);
    const task = await db.task.findUniqueOrThrow({ where: { id: taskId } });
    expect(task).toMatchObject({
      status: "succeeded",
      resultJson: '{"text":"done"}',
      finishedAt: now + 2,
      agentId: claimed!.agentId,
      leaseExpiresAt: null,
    });
    expect(await attemptsOf(taskId!)).toMatchObject([
      { number: 1, outcome: "succeeded", endedAt: now + 2, executorRef: "ref-1", factsJson: '{"tokens":12}', refusedOutcome: "failed" },
    ]);
  });

  it("backs a failed attempt off, then runs it again, and marks it dead after the last attempt", async () => {
    const { cluster, slotOf } = await marketingCluster("Failures");
    const [taskId] = await submit(cluster.id, [{ input: "flaky", max_attempts: 2 }]);
    const slot = slotOf("copywriter");
    let now = Date.now();
    await queue.claim([slot], now);
    const failure = { outcome: "failed" as const, error: { type: "boom", message: "it broke" } };
    expect(await queue.complete({ taskId: taskId!, agentId: slot.agentId, attempt: 1 }, failure, now)).toEqual({
      accepted: true,
      status: "failed",
    });
    expect(await db.task.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({
      status: "failed",
      agentId: slot.agentId,
      runAfter: now + retryBackoffMs(1),
      errorJson: JSON.stringify(failure.error),
      finishedAt: null,
    });
    expect(await queue.claim([slot], now + retryBackoffMs(1) - 1)).toEqual([]);
    now += retryBackoffMs(1);
    expect(await queue.claim([slot], now)).toMatchObject([{ taskId, attempt: 2 }]);
    expect(await queue.complete({ taskId: taskId!, agentId: slot.agentId, attempt: 2 }, failure, now)).toEqual({
      accepted: true,
      status: "dead",
    });
    expect(await db.task.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({
      status: "dead",
      finishedAt: now,
      agentId: slot.agentId,
    });
    expect((await attemptsOf(taskId!)).map((attempt) => attempt.outcome)).toEqual(["failed", "failed"]);
  });

  it("answers many completions in one call in their order, the first of a task counting", async () => {
    const { cluster, slotOf } = await marketingCluster("Batched");
    const ids = await submit(
      cluster.id,
      Array.from({ length: 3 }, (_, index) => ({ input: index })),
    );
    const now = Date.now();
    const claimed = await queue.claim([slotOf("copywriter", 0), slotOf("copywriter", 1), slotOf("social-poster")], now);
    const leases = claimed.map((task) => ({ taskId: task.taskId, agentId: task.agentId, attempt: task.attempt }));
    const answers = await queue.completeMany(
      [
        { lease: leases[0]!, end: { outcome: "succeeded", result: 0 } },
        { lease: leases[1]!, end: { outcome: "failed", error: { type: "x", message: "y" } } },
        { lease: leases[0]!, end: { outcome: "succeeded", result: "twice" } },
        { lease: { ...leases[2]!, attempt: 7 }, end: { outcome: "succeeded", result: 2 } },
      ],
      now + 5,
    );
    expect(answers).toEqual([
      { accepted: true, status: "succeeded" },
      { accepted: true, status: "failed" },
      { accepted: false, reason: "the task was completed earlier in the same call" },
      { accepted: false, reason: "the lease passed to attempt 1" },
    ]);
    expect(ids.length).toBe(3);
    expect(await statusOf(leases[2]!.taskId)).toBe("running");
  });
});

describe("recordExecutorRef", () => {
  it("keeps the remote id on the running attempt of the lease holder, through a failure without one, not after the end", async () => {
    const { cluster, slotOf } = await marketingCluster("Remote ids");
    const [taskId, otherId] = await submit(cluster.id, [{ input: "remote", max_attempts: 1 }, { input: "ended" }]);
    const now = Date.now();
    const claimed = await queue.claim([slotOf("copywriter", 0), slotOf("copywriter", 1)], now);
    const leaseOf = (id: string) => {
      const task = claimed.find((claim) => claim.taskId === id)!;
      return { taskId: id, agentId: task.agentId, attempt: task.attempt };
    };
    const lease = leaseOf(taskId!);
    await queue.recordExecutorRef({ ...lease, agentId: "agent-other" }, "remote-foreign");
    expect((await attemptsOf(taskId!))[0]!.executorRef).toBeNull();
    await queue.recordExecutorRef(lease, "remote-7");
    expect((await attemptsOf(taskId!))[0]).toMatchObject({ outcome: "running", executorRef: "remote-7" });
    await queue.complete(lease, { outcome: "failed", error: { type: "timeout", message: "slow" } }, now + 1);
    expect((await attemptsOf(taskId!))[0]).toMatchObject({ outcome: "failed", executorRef: "remote-7" });

    const other = leaseOf(otherId!);
    await queue.complete(other, { outcome: "succeeded", result: 1, executorRef: "remote-final" }, now + 2);
    await queue.recordExecutorRef(other, "remote-late");
    expect((await attemptsOf(otherId!))[0]!.executorRef).toBe("remote-final");
  });
});

describe("leases", () => {
  it("renews a held lease up to the attempt's timeout plus the margin, and names the leases lost", async () => {
    const { cluster, slotOf } = await marketingCluster("Renewals");
    const [taskId] = await submit(cluster.id, [{ input: "slow", timeout_s: 20 }]);
    const slot = slotOf("copywriter");
    const started = Date.now();
    await queue.claim([slot], started);
    const lease = { taskId: taskId!, agentId: slot.agentId, attempt: 1 };
    expect(await queue.renew([lease, { ...lease, agentId: "agent-other" }], started + 5_000)).toEqual([taskId]);
    expect((await db.task.findUniqueOrThrow({ where: { id: taskId } })).leaseExpiresAt).toBe(started + 5_000 + LEASE_MS);
    for (let at = started + 13_000; at < started + 50_000; at += 8_000) expect(await queue.renew([lease], at)).toEqual([]);
    expect((await db.task.findUniqueOrThrow({ where: { id: taskId } })).leaseExpiresAt).toBe(started + 20_000 + LEASE_MARGIN_MS);
    // Past its end a lease is lost, even before expireLeases has put the task back.
    expect(await queue.renew([lease], started + 20_000 + LEASE_MARGIN_MS)).toEqual([taskId]);
    expect(await queue.complete(lease, { outcome: "succeeded", result: 1 }, started + 20_000 + LEASE_MARGIN_MS)).toEqual({
      accepted: false,
      reason: "the lease expired",
    });
  });

  it("puts a task whose lease expired back, counting the attempt, and marks it dead after the last", async () => {
    const { cluster, slotOf } = await marketingCluster("Expiries");
    const [again, last] = await submit(cluster.id, [
      { input: "again", max_attempts: 2 },
      { input: "last", max_attempts: 1 },
    ]);
    const now = Date.now();
    const claimed = await queue.claim([slotOf("copywriter", 0), slotOf("copywriter", 1)], now);
    expect(claimed).toHaveLength(2);
    // Other tests' leases expire too: only this cluster's tasks are looked at.
    const ours = (ids: string[]) => ids.filter((id) => id === again || id === last).sort();
    expect(ours(await queue.expireLeases(now + LEASE_MS - 1))).toEqual([]);
    expect(ours(await queue.expireLeases(now + LEASE_MS))).toEqual([again, last].sort());
    expect(await db.task.findUniqueOrThrow({ where: { id: again } })).toMatchObject({ status: "queued", agentId: null, attemptCount: 1 });
    expect(await db.task.findUniqueOrThrow({ where: { id: last } })).toMatchObject({
      status: "dead",
      errorJson: JSON.stringify({ type: "lease-expired", message: "the agent did not renew its lease in time" }),
      finishedAt: now + LEASE_MS,
    });
    expect(await attemptsOf(last!)).toMatchObject([{ outcome: "lost", endedAt: now + LEASE_MS }]);
    const [retaken] = await queue.claim([slotOf("copywriter", 1)], now + LEASE_MS);
    expect(retaken).toMatchObject({ taskId: again, attempt: 2 });
  });

  it("releases a stopping agent's tasks without counting the attempt", async () => {
    const { cluster, slotOf } = await marketingCluster("Releases");
    const [taskId] = await submit(cluster.id, [{ input: "drained", max_attempts: 1 }]);
    const slot = slotOf("copywriter");
    const now = Date.now();
    await queue.claim([slot], now);
    const claimable: string[] = [];
    const onClaimable = (clusterId: string) => claimable.push(clusterId);
    taskSignals().on("claimable", onClaimable);
    try {
      expect(await queue.release([slot.agentId], { type: "agent-stopped", message: "scaled in" }, now + 1)).toEqual([taskId]);
    } finally {
      taskSignals().off("claimable", onClaimable);
    }
    expect(claimable).toEqual([cluster.id]);
    expect(await db.task.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({ status: "queued", attemptCount: 0, lastAttempt: 1 });
    const [again] = await queue.claim([slotOf("copywriter", 1)], now + 2);
    expect(again).toMatchObject({ taskId, attempt: 2 });
    expect(await attemptsOf(taskId!)).toMatchObject([
      { number: 1, outcome: "lost", errorJson: JSON.stringify({ type: "agent-stopped", message: "scaled in" }) },
      { number: 2, outcome: "running" },
    ]);
  });
});
