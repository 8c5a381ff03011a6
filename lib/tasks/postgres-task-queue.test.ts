// The PostgreSQL queue as several console instances use it: two queues on two Prisma clients (two
// connection pools, as two processes would have) claiming from one backlog at once hand out no task
// twice and lose none; a claim never waits for rows another instance holds; renewals and
// completions of the same leases on two connections never deadlock. Runs on the PostgreSQL leg only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importExampleBlueprints } from "@/lib/blueprint/import-example-blueprints";
import { createCluster } from "@/lib/cluster/create-cluster";
import { createPrismaClient, db } from "@/lib/db";
import { isPostgres } from "@/lib/db/dialect";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { LocalAgentRuntime } from "@/lib/runtime/local-runtime";
import { audit } from "@/lib/test/test-audit";
import { PostgresTaskQueue } from "./postgres-task-queue";
import { submitTasks } from "./submit-tasks";
import type { AgentSlot, ClaimedTask, TaskLease } from "./task-queue";

const runtime = new LocalAgentRuntime();

describe.skipIf(!isPostgres)("the PostgreSQL queue shared by two console instances", () => {
  let first: PrismaClient;
  let second: PrismaClient;

  beforeAll(async () => {
    await importExampleBlueprints("blueprints");
    first = createPrismaClient(process.env.DATABASE_URL);
    second = createPrismaClient(process.env.DATABASE_URL);
  });
  afterAll(async () => {
    await Promise.all([first.$disconnect(), second.$disconnect()]);
  });

  /** A marketing cluster's five workers, with `backlog` plain tasks waiting for them. */
  async function workersWithBacklog(name: string, backlog: number) {
    const cluster = await createCluster({ blueprint_id: "marketing-v1", name, target_workers: 5 }, { runtime, audit });
    const workers = await db.agent.findMany({
      where: { clusterId: cluster.id, status: "active", role: "worker" },
      orderBy: { name: "asc" },
    });
    const slotOf = (agentId: string): AgentSlot => ({
      agentId,
      clusterId: cluster.id,
      definition: "copywriter",
      role: "worker",
      capabilities: [],
    });
    const taskIds: string[] = [];
    for (let submitted = 0; submitted < backlog; submitted += 1_000) {
      const count = Math.min(1_000, backlog - submitted);
      const answer = await submitTasks(
        cluster.id,
        {
          tasks: Array.from({ length: count }, (_, index) => ({
            input: submitted + index,
            priority: index % 10,
            timeout_s: 300,
            max_attempts: 3,
          })),
        },
        { audit, runtime },
      );
      if (!("items" in answer)) throw new Error("a batch answers its items");
      taskIds.push(...answer.items.map((item) => item.id));
    }
    return { cluster, workers: workers.map((worker) => worker.id), slotOf, taskIds };
  }

  it("hands each task of one backlog to exactly one claim of either instance, and loses none", { timeout: 120_000 }, async () => {
    const backlog = 3_000;
    const { cluster, workers, slotOf, taskIds } = await workersWithBacklog("Two instances", backlog);
    expect(workers).toHaveLength(5);
    // Each instance runs its own agents, several slots each, and claims in three loops at once
    // (passes for several clusters run concurrently in one dispatcher).
    const instances = [
      { queue: new PostgresTaskQueue(first), agents: workers.slice(0, 3), claimed: [] as ClaimedTask[] },
      { queue: new PostgresTaskQueue(second), agents: workers.slice(3), claimed: [] as ClaimedTask[] },
    ];
    const claimLoop = async (instance: (typeof instances)[number]) => {
      const slots = instance.agents.flatMap((agentId) => Array.from({ length: 8 }, () => slotOf(agentId)));
      for (;;) {
        const claimed = await instance.queue.claim(slots, Date.now());
        if (claimed.length === 0) return;
        instance.claimed.push(...claimed);
        const answers = await instance.queue.completeMany(
          claimed.map((task) => ({
            lease: { taskId: task.taskId, agentId: task.agentId, attempt: task.attempt },
            end: { outcome: "succeeded", result: task.input },
          })),
          Date.now(),
        );
        expect(answers.every((answer) => answer.accepted)).toBe(true);
        await instance.queue.expireLeases(Date.now());
      }
    };
    await Promise.all(instances.flatMap((instance) => [claimLoop(instance), claimLoop(instance), claimLoop(instance)]));

    const handedOut = instances.flatMap((instance) => instance.claimed.map((task) => task.taskId));
    expect(new Set(handedOut).size, "no task handed out twice").toBe(handedOut.length);
    expect(handedOut.sort()).toEqual([...taskIds].sort());
    for (const instance of instances) {
      expect(instance.claimed.length, "both instances claimed").toBeGreaterThan(0);
      expect(instance.claimed.every((task) => instance.agents.includes(task.agentId) && task.attempt === 1)).toBe(true);
    }
    const statuses = await db.task.groupBy({ by: ["status"], where: { clusterId: cluster.id }, _count: true });
    expect(statuses).toEqual([{ status: "succeeded", _count: backlog }]);
    const attempts = await db.taskAttempt.groupBy({ by: ["outcome", "number"], where: { clusterId: cluster.id }, _count: true });
    expect(attempts).toEqual([{ outcome: "succeeded", number: 1, _count: backlog }]);
  });

  it("claims past the best tasks while another instance holds them, without waiting", { timeout: 30_000 }, async () => {
    const { workers, slotOf, taskIds } = await workersWithBacklog("Skip locked", 4);
    const queue = new PostgresTaskQueue(first);
    const best = await db.task.findMany({ where: { id: { in: taskIds } }, orderBy: [{ priority: "desc" }, { createdAt: "asc" }] });
    let releaseLocks!: () => void;
    const locksHeld = new Promise<void>((resolve) => (releaseLocks = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    // Another instance's claim in progress: the two best tasks locked in an open transaction.
    const holder = second.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM tasks WHERE id = ANY(${best.slice(0, 2).map((task) => task.id)}::text[]) FOR UPDATE`;
        locked();
        await locksHeld;
      },
      { timeout: 20_000 },
    );
    try {
      await lockTaken;
      const claim = queue.claim([slotOf(workers[0]!), slotOf(workers[1]!)], Date.now());
      const waited = new Promise<"waited">((resolve) => setTimeout(() => resolve("waited"), 5_000).unref());
      const claimed = await Promise.race([claim, waited]);
      expect(claimed, "the claim did not wait for the other instance's locks").not.toBe("waited");
      expect((claimed as ClaimedTask[]).map((task) => task.taskId)).toEqual(best.slice(2).map((task) => task.id));
    } finally {
      releaseLocks();
      await holder;
    }
  });

  it("renews and completes the same leases from two connections in opposite orders without a deadlock", { timeout: 60_000 }, async () => {
    const { workers, slotOf } = await workersWithBacklog("Lock order", 400);
    const queues = [new PostgresTaskQueue(first), new PostgresTaskQueue(second)];
    const claimed = await queues[0]!.claim(
      workers.flatMap((agentId) => Array.from({ length: 80 }, () => slotOf(agentId))),
      Date.now(),
    );
    expect(claimed).toHaveLength(400);
    const leases: TaskLease[] = claimed.map((task) => ({ taskId: task.taskId, agentId: task.agentId, attempt: task.attempt }));
    const reversed = [...leases].reverse();
    for (let round = 0; round < 10; round++) {
      const renewals = await Promise.all([queues[0]!.renew(leases, Date.now()), queues[1]!.renew(reversed, Date.now())]);
      expect(renewals, "every lease still held").toEqual([[], []]);
    }
    const half = reversed.slice(0, 200);
    const [answers, lost] = await Promise.all([
      queues[1]!.completeMany(
        half.map((lease) => ({ lease, end: { outcome: "succeeded", result: null } })),
        Date.now(),
      ),
      queues[0]!.renew(leases, Date.now()),
    ]);
    expect(answers.every((answer) => answer.accepted)).toBe(true);
    // The renewal ran before or after the completions, never in between: it lost all of them or none.
    expect([0, 200]).toContain(lost.length);
  });
});
