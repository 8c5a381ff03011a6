import { spawnSync } from "node:child_process";
import { createTestDatabase, dropTestDatabase } from "@/lib/test/postgres-databases";
const url = process.env.SQLITE ? "file:/tmp/pgq/q.db" : await createTestDatabase("bench");
process.env.DATABASE_URL = url;
process.env.BLUEPRINTS_DIR = "/tmp/pgq/bp";
try {
  if (spawnSync("node", ["scripts/db/migrate.mjs"], { env: process.env, stdio: "inherit" }).status !== 0) throw new Error("migrate");
  const { db } = await import("@/lib/db");
  const { systemAudit } = await import("@/lib/audit/audit-context");
  const { importExampleBlueprints } = await import("@/lib/blueprint/import-example-blueprints");
  const { createCluster } = await import("@/lib/cluster/create-cluster");
  const { LocalAgentRuntime } = await import("@/lib/runtime/local-runtime");
  const { submitTasks } = await import("@/lib/tasks/submit-tasks");
  const { createTaskQueue } = await import("@/lib/tasks/task-queue-for-process");
  const runtime = new LocalAgentRuntime(); const audit = systemAudit("bench"); const queue = createTaskQueue(db);
  await importExampleBlueprints("blueprints");
  const TASKS = 20000, BATCH = 1000, SLOTS = 64;
  for (let run = 0; run < 2; run++) {
    const cluster = await createCluster({ blueprint_id: "marketing-v1", name: `Q ${run}` }, { runtime, audit });
    const slots = Array.from({ length: SLOTS }, (_, i) => ({ agentId: `a-${run}-${i}`, clusterId: cluster.id, definition: "copywriter", role: "worker", capabilities: ["writing"] }));
    let t = performance.now();
    for (let sent = 0; sent < TASKS; sent += BATCH)
      await submitTasks(cluster.id, { tasks: Array.from({ length: BATCH }, (_, i) => ({ input: { n: sent + i }, priority: 5, timeout_s: 300, max_attempts: 3 })) }, { audit, runtime });
    const submitMs = performance.now() - t;
    let claimMs = 0, completeMs = 0, done = 0;
    for (;;) {
      let b = performance.now();
      const claimed = await queue.claim(slots, Date.now());
      claimMs += performance.now() - b;
      if (claimed.length === 0) break;
      b = performance.now();
      const answers = await queue.completeMany(claimed.map((task) => ({ lease: { taskId: task.taskId, agentId: task.agentId, attempt: task.attempt }, end: { outcome: "succeeded" as const, result: task.input } })), Date.now());
      completeMs += performance.now() - b;
      done += answers.filter((a) => a.accepted).length;
    }
    console.log({ done, submit: (TASKS / submitMs * 1000).toFixed(0), claim: (TASKS / claimMs * 1000).toFixed(0), complete: (TASKS / completeMs * 1000).toFixed(0), e2e: (TASKS / (performance.now() - t) * 1000).toFixed(0) });
  }
  await db.$disconnect();
} finally { if (!process.env.SQLITE) await dropTestDatabase(url); }
