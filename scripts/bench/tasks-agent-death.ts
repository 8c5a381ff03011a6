// bench:tasks' agent-death figure, run as its own process per database (lib/db binds to one when
// it loads): an agent host process (agent-host.ts) runs a long task; this kills it with SIGKILL, as
// a crash would, and measures until the task runs again on the other agent, run by a dispatcher in
// this process. Nothing tells the queue: the dead host's lease simply stops being renewed and expires.
//   tsx scripts/bench/tasks-agent-death.ts sqlite|postgresql   prints {"samples":[ms, ...]} last
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase, dropTestDatabase } from "../../lib/test/postgres-databases";

const SAMPLES = 3;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function benchAgentDeath(database: "sqlite" | "postgresql"): Promise<{ samples: number[] }> {
  const directory = mkdtempSync(path.join(tmpdir(), "bench-death-"));
  const databaseUrl = database === "postgresql" ? await createTestDatabase("bench_death") : `file:${path.join(directory, "death.db")}`;
  process.env.DATABASE_URL = databaseUrl;
  process.env.BLUEPRINTS_DIR = path.join(directory, "blueprints");
  if (spawnSync("node", ["scripts/db/migrate.mjs"], { stdio: "inherit" }).status !== 0)
    throw new Error("migrating the bench database failed");
  const { db } = await import("../../lib/db");
  const { systemAudit } = await import("../../lib/audit/audit-context");
  const { createBlueprint } = await import("../../lib/blueprint/create-blueprint");
  const { createCluster } = await import("../../lib/cluster/create-cluster");
  const { createExecutor } = await import("../../lib/executors/create-executor");
  const { LocalAgentRuntime } = await import("../../lib/runtime/local-runtime");
  const { loadClusterWork } = await import("../../lib/runtime/cluster-work");
  const { TaskDispatcher } = await import("../../lib/runtime/task-dispatcher");
  const { createTaskQueue } = await import("../../lib/tasks/task-queue-for-process");
  const { toRuntimeAgent } = await import("../../lib/cluster/start-agents");

  const audit = systemAudit("bench");
  const yaml = `metadata: { id: death-bench, name: Death bench, version: 1.0.0 }
cluster: { type: team, min_workers: 2, max_workers: 2, config: { executor: { type: simulate } } }
agents:
  - { name: lead, role: supervisor }
  - { name: doer, role: worker, reports_to: lead, count: 2 }
`;
  await createBlueprint({ id: "death-bench", name: "Death bench", version: "1.0.0", blueprint_yaml: yaml }, { audit });
  const cluster = await createCluster({ blueprint_id: "death-bench", name: "Death bench" }, { runtime: new LocalAgentRuntime(), audit });
  const [first, second] = await db.agent.findMany({ where: { clusterId: cluster.id, role: "worker" }, orderBy: { ordinal: "asc" } });
  const queue = createTaskQueue(db);
  const samples: number[] = [];
  try {
    for (let sample = 0; sample < SAMPLES; sample++) {
      const [dying, survivor] = sample % 2 === 0 ? [first!, second!] : [second!, first!];
      const host = spawn(process.execPath, ["--import", "tsx", "scripts/bench/agent-host.ts", cluster.id, dying.id], {
        env: process.env,
        stdio: ["ignore", "pipe", "inherit"],
      });
      const task = await db.task.create({
        data: {
          id: crypto.randomUUID(),
          clusterId: cluster.id,
          inputJson: JSON.stringify({ duration_ms: 120_000 }),
          timeoutS: 300,
          maxAttempts: 3,
          status: "queued",
          runAfter: 0,
          createdAt: Date.now(),
          updatedAt: Date.now(),
        },
      });
      await until(
        async () => (await db.task.findUnique({ where: { id: task.id } }))?.agentId === dying.id,
        60_000,
        "the agent host claims the task",
      );
      host.kill("SIGKILL");
      const killedAt = performance.now();
      const dispatcher = new TaskDispatcher({ queue, createExecutor, loadWork: loadClusterWork });
      dispatcher.start();
      dispatcher.addAgent(toRuntimeAgent(survivor));
      await until(
        async () => {
          const row = await db.task.findUnique({ where: { id: task.id } });
          return row?.status === "running" && row.agentId === survivor.id;
        },
        60_000,
        "the task runs again on the other agent",
      );
      samples.push(performance.now() - killedAt);
      await dispatcher.stop();
      await db.task.delete({ where: { id: task.id } });
    }
  } finally {
    await db.$disconnect();
    rmSync(directory, { recursive: true, force: true });
    if (database === "postgresql") await dropTestDatabase(databaseUrl);
  }
  return { samples };
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await sleep(50);
  }
}

console.log(JSON.stringify(await benchAgentDeath(process.argv[2] === "postgresql" ? "postgresql" : "sqlite")));
