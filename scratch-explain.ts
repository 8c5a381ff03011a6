import { spawnSync } from "node:child_process";
import { createTestDatabase, dropTestDatabase } from "@/lib/test/postgres-databases";
const url = await createTestDatabase("bench");
process.env.DATABASE_URL = url;
process.env.BLUEPRINTS_DIR = "/tmp/pgq/bp";
try {
  if (spawnSync("node", ["scripts/db/migrate.mjs"], { env: process.env, stdio: "ignore" }).status !== 0) throw new Error("migrate");
  const { db } = await import("@/lib/db");
  const { Prisma } = await import("@/lib/generated/prisma/client");
  const { systemAudit } = await import("@/lib/audit/audit-context");
  const { importExampleBlueprints } = await import("@/lib/blueprint/import-example-blueprints");
  const { createCluster } = await import("@/lib/cluster/create-cluster");
  const { LocalAgentRuntime } = await import("@/lib/runtime/local-runtime");
  const { submitTasks } = await import("@/lib/tasks/submit-tasks");
  const { createTaskQueue } = await import("@/lib/tasks/task-queue-for-process");
  const runtime = new LocalAgentRuntime(); const audit = systemAudit("bench"); const queue = createTaskQueue(db);
  await importExampleBlueprints("blueprints");
  const cluster = await createCluster({ blueprint_id: "marketing-v1", name: `Q` }, { runtime, audit });
  for (let sent = 0; sent < 20000; sent += 1000)
    await submitTasks(cluster.id, { tasks: Array.from({ length: 1000 }, (_, i) => ({ input: { n: sent + i }, priority: 5, timeout_s: 300, max_attempts: 3 })) }, { audit, runtime });
  const slots = Array.from({ length: 64 }, (_, i) => ({ agentId: `a-${i}`, clusterId: cluster.id, definition: "copywriter", role: "worker", capabilities: ["writing"] }));
  // time phases by patching $transaction client via query events is hard; time raw pieces instead
  const now = Date.now();
  const t0 = performance.now();
  for (let i = 0; i < 20; i++) await db.$queryRaw`SELECT 1 FROM tasks WHERE cluster_id = ANY(${[cluster.id]}::text[]) AND status IN ('queued', 'failed') AND (status = 'queued' OR run_after <= ${now}) LIMIT 1`;
  console.log("anyWaiting ms", (performance.now() - t0) / 20);
  const t1 = performance.now();
  for (let i = 0; i < 20; i++) await db.$queryRaw`SELECT 1`;
  console.log("select 1 ms", (performance.now() - t1) / 20);
  const t2 = performance.now();
  for (let i = 0; i < 20; i++) await db.$transaction(async (tx) => { await tx.$queryRaw`SELECT 1`; });
  console.log("tx with select 1 ms", (performance.now() - t2) / 20);
  const FULL = `EXPLAIN ANALYZE
    WITH queued AS MATERIALIZED (SELECT id, priority, created_at FROM tasks WHERE cluster_id = '${cluster.id}' AND status = 'queued' AND (definition = 'copywriter' OR (definition IS NULL AND capability = ANY('{writing}'::text[])) OR (definition IS NULL AND capability IS NULL)) ORDER BY priority DESC, created_at, id COLLATE "C" LIMIT 64 FOR UPDATE SKIP LOCKED),
    retrying AS MATERIALIZED (SELECT id, priority, created_at FROM tasks WHERE cluster_id = '${cluster.id}' AND status = 'failed' AND run_after <= ${now} AND (definition = 'copywriter' OR (definition IS NULL AND capability = ANY('{writing}'::text[])) OR (definition IS NULL AND capability IS NULL)) ORDER BY priority DESC, created_at, id COLLATE "C" LIMIT 64 FOR UPDATE SKIP LOCKED),
    picked AS (SELECT id, row_number() OVER (ORDER BY priority DESC, created_at, id COLLATE "C") AS slot FROM (SELECT * FROM queued UNION ALL SELECT * FROM retrying) AS waiting),
    offered AS (SELECT * FROM unnest('{${slots.map((s) => s.agentId).join(",")}}'::text[]) WITH ORDINALITY AS offered(agent_id, slot))
    UPDATE tasks SET status = 'running', agent_id = offered.agent_id FROM picked JOIN offered ON offered.slot = picked.slot WHERE tasks.id = picked.id RETURNING tasks.id`;
  await db.$transaction(async (tx) => { await tx.$executeRawUnsafe("SET LOCAL enable_sort = off"); const p = await tx.$queryRawUnsafe<Array<Record<string, string>>>(FULL); for (const row of p) console.log("  " + Object.values(row)[0]); throw new Error("rollback"); }).catch(() => {});
  const t3 = performance.now();
  for (let i = 0; i < 5; i++) { const c = await queue.claim(slots, Date.now()); await queue.completeMany(c.map((task) => ({ lease: { taskId: task.taskId, agentId: task.agentId, attempt: task.attempt }, end: { outcome: "succeeded" as const, result: 1 } })), Date.now()); }
  console.log("claim+complete ms", (performance.now() - t3) / 5);
  await db.$disconnect();
} finally { await dropTestDatabase(url); }
