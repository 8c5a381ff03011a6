// Properties of the queue over random interleavings of submit, claim, renew, expire (a fake clock
// moving on), complete (late and foreign completions too), cancel, retry and release, checked
// against a model after every step: no task lost, none completed twice, every status change one
// the spec allows, attempts numbered and ended consistently, and in the end every task final.
// FUZZ_RUNS=500 npx vitest run lib/tasks/task-queue-properties runs it longer.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { importExampleBlueprints } from "@/lib/blueprint/import-example-blueprints";
import { createCluster } from "@/lib/cluster/create-cluster";
import { db } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { LocalAgentRuntime } from "@/lib/runtime/local-runtime";
import { audit } from "@/lib/test/test-audit";
import { cancelTask } from "./cancel-task";
import { retryTask } from "./retry-task";
import { createTaskQueue } from "./task-queue-for-process";
import { submitTasks } from "./submit-tasks";
import type { AgentSlot, TaskLease } from "./task-queue";
import { isFinalTaskStatus, isTaskMoveAllowed, leaseEnd, retryBackoffMs, type TaskStatus } from "./task-status";

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const queue = createTaskQueue(db);
const runtime = new LocalAgentRuntime();

beforeAll(async () => {
  await importExampleBlueprints("blueprints");
});

/** How a generated task is routed: plain (workers), to the SEO specialist, to "publishing", to copywriters. */
const ROUTES = [{}, { definition: "seo-specialist" }, { capability: "publishing" }, { definition: "copywriter" }] as const;

type Command =
  | { kind: "submit"; tasks: Array<{ route: number; priority: number; maxAttempts: number; timeoutS: number }> }
  | { kind: "claim"; agents: number[] }
  | { kind: "renew"; pick: number; tamper: number }
  | { kind: "advance"; ms: number }
  | { kind: "expire" }
  | { kind: "complete"; picks: number[]; tamper: number; failed: boolean }
  | { kind: "cancel"; pick: number }
  | { kind: "retry"; pick: number }
  | { kind: "release"; agent: number };

/** Mostly small: the newest leases and tasks, where the interesting races are. */
const pickArbitrary = fc.oneof({ arbitrary: fc.nat(2), weight: 3 }, { arbitrary: fc.nat(), weight: 1 });

const commandArbitrary: fc.Arbitrary<Command> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant("submit" as const),
      tasks: fc.array(
        fc.record({
          route: fc.integer({ min: 0, max: ROUTES.length - 1 }),
          priority: fc.integer({ min: 0, max: 9 }),
          maxAttempts: fc.integer({ min: 1, max: 3 }),
          timeoutS: fc.constantFrom(1, 5, 300),
        }),
        { minLength: 1, maxLength: 4 },
      ),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ kind: fc.constant("claim" as const), agents: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }) }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant("renew" as const), pick: pickArbitrary, tamper: fc.integer({ min: 0, max: 4 }) }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant("advance" as const),
      ms: fc.oneof(fc.integer({ min: 0, max: 3_000 }), fc.integer({ min: 0, max: 45_000 })),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant("expire" as const) }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant("complete" as const),
      picks: fc.array(pickArbitrary, { minLength: 1, maxLength: 3 }),
      tamper: fc.integer({ min: 0, max: 4 }),
      failed: fc.boolean(),
    }),
    weight: 4,
  },
  { arbitrary: fc.record({ kind: fc.constant("cancel" as const), pick: pickArbitrary }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("retry" as const), pick: pickArbitrary }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("release" as const), agent: fc.nat() }), weight: 1 },
);

/** What the spec says the queue holds for a task. */
interface ModelTask {
  id: string;
  seq: number;
  /** As submitTasks sets it: a batch's tasks a thousandth of a millisecond apart. */
  createdAt: number;
  priority: number;
  route: (typeof ROUTES)[number];
  maxAttempts: number;
  timeoutS: number;
  status: TaskStatus;
  agentId: string | null;
  lastAttempt: number;
  counted: number;
  startedAt: number;
  leaseEnd: number;
  runAfter: number;
  succeededAttempts: number;
}

class Scenario {
  readonly tasks = new Map<string, ModelTask>();
  /** Every lease ever handed out in this run, the stale ones included: agents complete late. */
  readonly leases: TaskLease[] = [];
  private seq = 0;
  now = Date.now();

  constructor(
    readonly clusterId: string,
    readonly slots: readonly AgentSlot[],
  ) {}

  eligible(task: ModelTask, slot: AgentSlot): boolean {
    if ("definition" in task.route) return slot.definition === task.route.definition;
    if ("capability" in task.route) return slot.capabilities.includes(task.route.capability);
    return slot.role === "worker";
  }

  waiting(task: ModelTask): boolean {
    return task.status === "queued" || (task.status === "failed" && task.runAfter <= this.now);
  }

  holds(lease: TaskLease): boolean {
    const task = this.tasks.get(lease.taskId);
    return (
      task !== undefined &&
      task.status === "running" &&
      task.agentId === lease.agentId &&
      task.lastAttempt === lease.attempt &&
      task.leaseEnd > this.now
    );
  }

  /** A lease as an agent might present it: its own, someone else's, or of another attempt. */
  presented(pick: number, tamper: number): TaskLease | undefined {
    if (this.leases.length === 0) return undefined;
    // Counted from the newest: a pick is mostly a recent lease, some of them still held.
    const lease = this.leases[this.leases.length - 1 - (pick % this.leases.length)]!;
    if (tamper === 1) return { ...lease, agentId: this.slots[(pick + 1) % this.slots.length]!.agentId };
    if (tamper === 2) return { ...lease, attempt: lease.attempt + 1 };
    return lease;
  }

  async run(command: Command): Promise<void> {
    switch (command.kind) {
      case "submit":
        return this.submit(command.tasks);
      case "claim":
        return this.claim(command.agents.map((index) => this.slots[index % this.slots.length]!));
      case "renew": {
        const lease = this.presented(command.pick, command.tamper);
        if (!lease) return;
        const held = this.holds(lease);
        expect(await queue.renew([lease], this.now)).toEqual(held ? [] : [lease.taskId]);
        if (held) {
          const task = this.tasks.get(lease.taskId)!;
          task.leaseEnd = leaseEnd(this.now, task.startedAt, task.timeoutS);
        }
        return;
      }
      case "advance":
        this.now += command.ms;
        return;
      case "expire":
        return this.expire();
      case "complete":
        return this.complete(command);
      case "cancel":
        return this.cancel(command.pick);
      case "retry":
        return this.retry(command.pick);
      case "release":
        return this.release(this.slots[command.agent % this.slots.length]!.agentId);
    }
  }

  async submit(tasks: Extract<Command, { kind: "submit" }>["tasks"]): Promise<void> {
    const answer = await submitTasks(
      this.clusterId,
      {
        tasks: tasks.map((task) => ({
          input: { seq: this.seq },
          ...ROUTES[task.route],
          priority: task.priority,
          timeout_s: task.timeoutS,
          max_attempts: task.maxAttempts,
        })),
      },
      { audit, runtime, now: this.now },
    );
    if (!("items" in answer)) throw new Error("a batch answers its items");
    answer.items.forEach((item, index) => {
      const task = tasks[index]!;
      this.tasks.set(item.id, {
        id: item.id,
        seq: this.seq++,
        createdAt: this.now + index / 1000,
        priority: task.priority,
        route: ROUTES[task.route]!,
        maxAttempts: task.maxAttempts,
        timeoutS: task.timeoutS,
        status: "queued",
        agentId: null,
        lastAttempt: 0,
        counted: 0,
        startedAt: 0,
        leaseEnd: 0,
        runAfter: this.now,
        succeededAttempts: 0,
      });
    });
  }

  async claim(slots: AgentSlot[]): Promise<void> {
    const claimed = await queue.claim(slots, this.now);
    // Higher priority, then older; of two as old (batches sent in the same millisecond) the one stored first.
    const better = (a: ModelTask, b: ModelTask) =>
      a.priority > b.priority ||
      (a.priority === b.priority && (a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.seq < b.seq)));
    const offeredTo = new Map<string, number>();
    for (const slot of slots) offeredTo.set(slot.agentId, (offeredTo.get(slot.agentId) ?? 0) + 1);
    const gotBy = new Map<string, ModelTask[]>();
    for (const handed of claimed) {
      const task = this.tasks.get(handed.taskId)!;
      const slot = slots.find((candidate) => candidate.agentId === handed.agentId)!;
      expect(this.waiting(task), `claimed task ${task.seq} was waiting`).toBe(true);
      expect(this.eligible(task, slot), `task ${task.seq} may run on ${slot.definition}`).toBe(true);
      gotBy.set(handed.agentId, [...(gotBy.get(handed.agentId) ?? []), task]);
      Object.assign(task, {
        status: "running",
        agentId: handed.agentId,
        lastAttempt: task.lastAttempt + 1,
        counted: task.counted + 1,
        startedAt: this.now,
        leaseEnd: leaseEnd(this.now, this.now, task.timeoutS),
      });
      expect(handed).toMatchObject({ attempt: task.lastAttempt, leaseExpiresAt: task.leaseEnd, timeoutS: task.timeoutS });
      this.leases.push({ taskId: handed.taskId, agentId: handed.agentId, attempt: handed.attempt });
    }
    expect(new Set(claimed.map((task) => task.taskId)).size, "no task handed out twice").toBe(claimed.length);
    // A slot left without a task had nothing it could run; a slot's task is at least as good as any left.
    for (const slot of slots) {
      const got = gotBy.get(slot.agentId) ?? [];
      expect(got.length).toBeLessThanOrEqual(offeredTo.get(slot.agentId)!);
      const left = [...this.tasks.values()].filter((task) => this.waiting(task) && this.eligible(task, slot));
      if (got.length < offeredTo.get(slot.agentId)!)
        expect(
          left.map((task) => task.seq),
          `nothing left for ${slot.definition}`,
        ).toEqual([]);
      for (const task of got)
        for (const other of left) expect(better(other, task), `task ${other.seq} waits behind ${task.seq}`).toBe(false);
    }
  }

  async expire(): Promise<void> {
    const due = [...this.tasks.values()].filter((task) => task.status === "running" && task.leaseEnd <= this.now);
    const expired = (await queue.expireLeases(this.now)).filter((id) => this.tasks.has(id));
    expect(expired.sort()).toEqual(due.map((task) => task.id).sort());
    for (const task of due) {
      const dead = task.counted >= task.maxAttempts;
      Object.assign(task, { status: dead ? "dead" : "queued", agentId: dead ? task.agentId : null, runAfter: this.now });
    }
  }

  async complete(command: Extract<Command, { kind: "complete" }>): Promise<void> {
    const leases = command.picks.flatMap((pick) => this.presented(pick, command.tamper) ?? []);
    if (leases.length === 0) return;
    const end = command.failed
      ? { outcome: "failed" as const, error: { type: "test", message: "failed on purpose" } }
      : { outcome: "succeeded" as const, result: "done" };
    const answers = await queue.completeMany(
      leases.map((lease) => ({ lease, end })),
      this.now,
    );
    leases.forEach((lease, index) => {
      const held = this.holds(lease);
      const answer = answers[index]!;
      expect(answer.accepted, `completion of ${JSON.stringify(lease)}`).toBe(held);
      if (!held) return;
      const task = this.tasks.get(lease.taskId)!;
      if (!command.failed) Object.assign(task, { status: "succeeded", succeededAttempts: task.succeededAttempts + 1 });
      else if (task.counted >= task.maxAttempts) task.status = "dead";
      else Object.assign(task, { status: "failed", runAfter: this.now + retryBackoffMs(task.counted) });
      expect(answer).toEqual({ accepted: true, status: task.status });
    });
  }

  taskAt(pick: number): ModelTask | undefined {
    const tasks = [...this.tasks.values()];
    return tasks.length === 0 ? undefined : tasks[tasks.length - 1 - (pick % tasks.length)];
  }

  async cancel(pick: number): Promise<void> {
    const task = this.taskAt(pick);
    if (!task) return;
    if (!isTaskMoveAllowed(task.status, "cancelled")) {
      await expect(cancelTask(task.id, { audit, now: this.now })).rejects.toBeInstanceOf(ConflictError);
      return;
    }
    const view = await cancelTask(task.id, { audit, now: this.now });
    task.status = "cancelled";
    expect(view.status).toBe("cancelled");
  }

  async retry(pick: number): Promise<void> {
    const task = this.taskAt(pick);
    if (!task) return;
    if (task.status !== "dead" && task.status !== "cancelled") {
      await expect(retryTask(task.id, { audit, now: this.now })).rejects.toBeInstanceOf(ConflictError);
      return;
    }
    await retryTask(task.id, { audit, now: this.now });
    Object.assign(task, { status: "queued", agentId: null, counted: 0, runAfter: this.now });
  }

  async release(agentId: string): Promise<void> {
    const running = [...this.tasks.values()].filter((task) => task.status === "running" && task.agentId === agentId);
    const released = (await queue.release([agentId], { type: "agent-stopped", message: "scaled in" }, this.now)).filter((id) =>
      this.tasks.has(id),
    );
    expect(released.sort()).toEqual(running.map((task) => task.id).sort());
    for (const task of running) Object.assign(task, { status: "queued", agentId: null, counted: task.counted - 1, runAfter: this.now });
  }

  /** The database against the model, and the moves since the last look against the spec. */
  async check(previous: Map<string, TaskStatus>): Promise<void> {
    const rows = await db.task.findMany({ where: { clusterId: this.clusterId }, include: { attempts: { orderBy: { number: "asc" } } } });
    expect(rows.map((row) => row.id).sort(), "no task lost or invented").toEqual([...this.tasks.keys()].sort());
    for (const row of rows) {
      const task = this.tasks.get(row.id)!;
      const status = row.status as TaskStatus;
      const before = previous.get(row.id);
      if (before !== undefined && before !== status) expect(isTaskMoveAllowed(before, status), `${before} -> ${status}`).toBe(true);
      previous.set(row.id, status);
      expect({ status, agentId: row.agentId, lastAttempt: row.lastAttempt, attemptCount: row.attemptCount }).toEqual({
        status: task.status,
        agentId: task.agentId,
        lastAttempt: task.lastAttempt,
        attemptCount: task.counted,
      });
      if (status === "running") expect(row.leaseExpiresAt).toBe(task.leaseEnd);
      if (status === "failed") expect(row.runAfter).toBe(task.runAfter);
      expect(
        row.attempts.map((attempt) => attempt.number),
        "attempts numbered 1..n",
      ).toEqual(Array.from({ length: row.lastAttempt }, (_, index) => index + 1));
      const running = row.attempts.filter((attempt) => attempt.outcome === "running");
      expect(running.map((attempt) => [attempt.number, attempt.agentId])).toEqual(
        status === "running" ? [[row.lastAttempt, row.agentId]] : [],
      );
      expect(row.attempts.every((attempt) => (attempt.outcome === "running") === (attempt.endedAt === null))).toBe(true);
      const succeeded = row.attempts.filter((attempt) => attempt.outcome === "succeeded").length;
      expect(succeeded, "completed at most once").toBe(task.succeededAttempts);
      expect(succeeded).toBe(status === "succeeded" ? 1 : 0);
    }
  }

  /** Runs every task to a final status: whatever a run left behind, nothing stays stuck. */
  async drain(previous: Map<string, TaskStatus>): Promise<void> {
    for (let round = 0; round < 30 && [...this.tasks.values()].some((task) => !isFinalTaskStatus(task.status)); round++) {
      this.now += 61_000;
      await this.expire();
      await this.check(previous);
      await this.claim([...this.slots]);
      await this.check(previous);
      const held = this.leases.filter((lease) => this.holds(lease));
      const answers = await queue.completeMany(
        held.map((lease) => ({ lease, end: { outcome: "succeeded" as const, result: "drained" } })),
        this.now,
      );
      held.forEach((lease, index) => {
        expect(answers[index]).toEqual({ accepted: true, status: "succeeded" });
        const task = this.tasks.get(lease.taskId)!;
        Object.assign(task, { status: "succeeded", succeededAttempts: task.succeededAttempts + 1 });
      });
      await this.check(previous);
    }
    expect([...this.tasks.values()].filter((task) => !isFinalTaskStatus(task.status)).map((task) => task.status)).toEqual([]);
  }
}

describe("the queue over random interleavings", () => {
  it("loses no task, completes none twice, and moves statuses only as the spec allows", { timeout: 600_000 }, async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(commandArbitrary, { minLength: 1, maxLength: 40 }), async (commands) => {
        const cluster = await createCluster(
          { blueprint_id: "marketing-v1", name: `Interleaving ${run++}`, target_workers: 5 },
          { runtime, audit },
        );
        const agents = await db.agent.findMany({ where: { clusterId: cluster.id, status: "active" }, orderBy: { name: "asc" } });
        const slots = agents.map((agent) => ({
          agentId: agent.id,
          clusterId: cluster.id,
          definition: agent.definition,
          role: agent.role,
          capabilities: JSON.parse(agent.capabilitiesJson) as string[],
        }));
        const scenario = new Scenario(cluster.id, slots);
        const previous = new Map<string, TaskStatus>();
        try {
          for (const command of commands) {
            await scenario.run(command);
            await scenario.check(previous);
          }
          await scenario.drain(previous);
        } finally {
          await db.cluster.delete({ where: { id: cluster.id } });
        }
      }),
      { numRuns: RUNS },
    );
  });
});
