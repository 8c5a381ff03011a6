// The task signals between console instances on PostgreSQL: what each queue decision and task
// service tells the other instances (heard on a LISTEN connection of the test's own), and the
// relay turning other instances' notices into this process's signals, sent on commit only.
// Runs on the PostgreSQL leg only.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importExampleBlueprints } from "@/lib/blueprint/import-example-blueprints";
import { createCluster } from "@/lib/cluster/create-cluster";
import { createPrismaClient, db } from "@/lib/db";
import { isPostgres } from "@/lib/db/dialect";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { LocalAgentRuntime } from "@/lib/runtime/local-runtime";
import { audit } from "@/lib/test/test-audit";
import { cancelTask } from "./cancel-task";
import { relayInstanceTaskSignals, signalInstances } from "./instance-task-signals";
import { PostgresTaskQueue } from "./postgres-task-queue";
import { retryTask } from "./retry-task";
import { submitTasks } from "./submit-tasks";
import { type TaskSignalMap, taskSignals } from "./task-signals";

const runtime = new LocalAgentRuntime();
const CHANNELS = ["tasks_claimable", "tasks_finished", "tasks_cancel"] as const;
const WAIT_MS = 5_000;

/** Resolves when `check` holds, polled every 20 ms; fails after WAIT_MS. */
async function eventually(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(!isPostgres)("task signals between instances", () => {
  /** Every notice on the task channels, as another instance would hear it. */
  const heard: Array<{ channel: string; ids: string[] }> = [];
  let listener: pg.Client;
  let other: PrismaClient;

  const idsHeardOn = (channel: (typeof CHANNELS)[number]) =>
    heard.filter((notice) => notice.channel === channel).flatMap((notice) => notice.ids);

  beforeAll(async () => {
    await importExampleBlueprints("blueprints");
    listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    listener.on("notification", (notice) => heard.push({ channel: notice.channel, ids: (notice.payload ?? "").split(",") }));
    for (const channel of CHANNELS) await listener.query(`LISTEN ${channel}`);
    other = createPrismaClient(process.env.DATABASE_URL);
  });
  afterAll(async () => {
    await Promise.all([listener.end(), other.$disconnect()]);
  });

  it("tells the other instances of each task made claimable, finished or cancelled", async () => {
    const cluster = await createCluster({ blueprint_id: "marketing-v1", name: "Told", target_workers: 5 }, { runtime, audit });
    const worker = await db.agent.findFirstOrThrow({ where: { clusterId: cluster.id, role: "worker" } });
    const slot = { agentId: worker.id, clusterId: cluster.id, definition: worker.definition, role: worker.role, capabilities: [] };
    const queue = new PostgresTaskQueue(db);
    const submitted = await submitTasks(
      cluster.id,
      { tasks: ["done", "failing", "released", "cancelled"].map((input) => ({ input, priority: 5, timeout_s: 300, max_attempts: 1 })) },
      { audit, runtime },
    );
    if (!("items" in submitted)) throw new Error("a batch answers its items");
    const [done, failing, released, cancelled] = submitted.items.map((item) => item.id);
    await eventually(() => idsHeardOn("tasks_claimable").includes(cluster.id), "the submission's notice");

    const now = Date.now();
    const [first, second] = await queue.claim([slot, slot], now);
    await queue.completeMany(
      [
        { lease: { taskId: first!.taskId, agentId: worker.id, attempt: 1 }, end: { outcome: "succeeded", result: 1 } },
        {
          lease: { taskId: second!.taskId, agentId: worker.id, attempt: 1 },
          end: { outcome: "failed", error: { type: "x", message: "y" } },
        },
      ],
      now + 1,
    );
    // One attempt each: the failure is final (dead), and both long polls may answer.
    await eventually(() => [done, failing].every((id) => idsHeardOn("tasks_finished").includes(id!)), "the completions' notices");

    heard.length = 0;
    await queue.claim([slot], now + 2);
    expect(await queue.release([worker.id], { type: "agent-stopped", message: "scaled in" }, now + 3)).toEqual([released]);
    await eventually(() => idsHeardOn("tasks_claimable").includes(cluster.id), "the release's notice");

    heard.length = 0;
    await queue.claim([slot, slot], now + 4);
    await cancelTask(cancelled!, { audit, now: now + 5 });
    await eventually(() => idsHeardOn("tasks_finished").includes(cancelled!), "the cancel's finished notice");
    expect(idsHeardOn("tasks_cancel")).toEqual([cancelled]);

    heard.length = 0;
    await retryTask(cancelled!, { audit, now: now + 6 });
    await eventually(() => idsHeardOn("tasks_claimable").includes(cluster.id), "the retry's notice");
  });

  it("relays other instances' notices as this process's signals, on commit only, however many ids", async () => {
    const signalled: Array<[keyof TaskSignalMap, string]> = [];
    const listeners = {
      claimable: (id: string) => signalled.push(["claimable", id]),
      finished: (id: string) => signalled.push(["finished", id]),
      cancel: (id: string) => signalled.push(["cancel", id]),
    };
    for (const [signal, listen] of Object.entries(listeners)) taskSignals().on(signal as keyof TaskSignalMap, listen);
    const stopRelay = relayInstanceTaskSignals();
    try {
      // The relay's LISTEN connection opens in the background: probe until it hears.
      const probe = randomUUID();
      await eventually(() => {
        void signalInstances(other, "claimable", [probe]);
        return signalled.some(([, id]) => id === probe);
      }, "the relay to listen");
      signalled.length = 0;

      const rolledBack = randomUUID();
      await expect(
        other.$transaction(async (tx) => {
          await signalInstances(tx, "cancel", [rolledBack]);
          throw new Error("rolled back");
        }),
      ).rejects.toThrow("rolled back");
      const finished = Array.from({ length: 500 }, () => randomUUID());
      const cancelled = randomUUID();
      await other.$transaction(async (tx) => {
        await signalInstances(tx, "finished", finished);
        await signalInstances(tx, "cancel", [cancelled]);
      });
      // Notices arrive in commit order: once the committed cancel is here, a rolled-back one would have been too.
      await eventually(() => signalled.some(([, id]) => id === cancelled), "the committed notices");
      expect(signalled.filter(([signal]) => signal === "finished").map(([, id]) => id)).toEqual(finished);
      expect(signalled.filter(([signal]) => signal === "cancel").map(([, id]) => id)).toEqual([cancelled]);
    } finally {
      stopRelay();
      for (const [signal, listen] of Object.entries(listeners)) taskSignals().off(signal as keyof TaskSignalMap, listen);
    }
  });
});
