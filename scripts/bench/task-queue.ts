// npm run bench:queue - the task queue in process, on a fresh SQLite file and on a throwaway
// PostgreSQL database (when one answers), side by side: 20,000 tasks submitted in batches of 1,000
// (submitTasks: checks, insert, change rows, audit), then claimed by 64 worker slots a call and
// completed in one call per claim (completeMany), until none waits; tasks per second end to end,
// and the claim and completion figures alone. Then the list of a cluster holding 1,000,000 tasks
// (each answer with its total, counted up to 10,000), in milliseconds. Medians of 3 runs.
// lib/db binds to one database when it loads: each database is measured by this script run again
// as a child, `tsx scripts/bench/task-queue.ts sqlite|postgresql`, which prints its figures as JSON.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase, dropTestDatabase } from "@/lib/test/postgres-databases";
import { median } from "./median";
import { benchDatabases, type Database, DATABASE_NAMES, type Figure, lastJsonLineOfChild, printSideBySide } from "./side-by-side";

const TASKS = 20_000;
const BATCH = 1000;
const SLOTS = 64;
const RUNS = 3;
const LIST_ROWS = 1_000_000;

/** Every figure on one database (this process's). */
async function measure(database: Database): Promise<Figure[]> {
  const figures: Figure[] = [];
  const line = (what: string, figure: string, unit: string) => figures.push({ what, figure, unit });
  const directory = mkdtempSync(path.join(tmpdir(), "bench-queue-"));
  const databaseUrl = database === "postgresql" ? await createTestDatabase("bench_queue") : `file:${path.join(directory, "queue.db")}`;
  process.env.DATABASE_URL = databaseUrl;
  process.env.BLUEPRINTS_DIR = path.join(directory, "blueprints");
  try {
    if (spawnSync("node", ["scripts/db/migrate.mjs"], { env: process.env, stdio: "ignore" }).status !== 0)
      throw new Error("migrating the bench database failed");
    // Imported only now: the database module reads DATABASE_URL when it loads.
    const { db } = await import("@/lib/db");
    const { systemAudit } = await import("@/lib/audit/audit-context");
    const { importExampleBlueprints } = await import("@/lib/blueprint/import-example-blueprints");
    const { createCluster } = await import("@/lib/cluster/create-cluster");
    const { LocalAgentRuntime } = await import("@/lib/runtime/local-runtime");
    const { submitTasks } = await import("@/lib/tasks/submit-tasks");
    const { listTasks } = await import("@/lib/tasks/list-tasks");
    const { createTaskQueue } = await import("@/lib/tasks/task-queue-for-process");

    const runtime = new LocalAgentRuntime();
    const audit = systemAudit("bench");
    const queue = createTaskQueue(db);
    await importExampleBlueprints("blueprints");

    const endToEnd: number[] = [];
    const claiming: number[] = [];
    const completing: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const cluster = await createCluster({ blueprint_id: "marketing-v1", name: `Queue bench ${run}` }, { runtime, audit });
      const slots = Array.from({ length: SLOTS }, (_, index) => ({
        agentId: `agent-bench-${run}-${index}`,
        clusterId: cluster.id,
        definition: "copywriter",
        role: "worker",
        capabilities: ["writing"],
      }));
      const started = performance.now();
      for (let sent = 0; sent < TASKS; sent += BATCH)
        await submitTasks(
          cluster.id,
          {
            tasks: Array.from({ length: BATCH }, (_, index) => ({
              input: { n: sent + index },
              priority: 5,
              timeout_s: 300,
              max_attempts: 3,
            })),
          },
          { audit, runtime },
        );
      let done = 0;
      let claimMs = 0;
      let completeMs = 0;
      for (;;) {
        const before = performance.now();
        const claimed = await queue.claim(slots, Date.now());
        claimMs += performance.now() - before;
        if (claimed.length === 0) break;
        const between = performance.now();
        const answers = await queue.completeMany(
          claimed.map((task) => ({
            lease: { taskId: task.taskId, agentId: task.agentId, attempt: task.attempt },
            end: { outcome: "succeeded" as const, result: task.input },
          })),
          Date.now(),
        );
        completeMs += performance.now() - between;
        done += answers.filter((answer) => answer.accepted).length;
      }
      if (done !== TASKS) throw new Error(`${done} of ${TASKS} tasks completed`);
      endToEnd.push(TASKS / ((performance.now() - started) / 1000));
      claiming.push(TASKS / (claimMs / 1000));
      completing.push(TASKS / (completeMs / 1000));
    }
    line(`submit, claim (${SLOTS} slots a call) and complete ${TASKS.toLocaleString("en")} tasks`, median(endToEnd).toFixed(0), "tasks/s");
    line("  claims alone", median(claiming).toFixed(0), "tasks/s");
    line("  completions alone", median(completing).toFixed(0), "tasks/s");

    // A cluster with 1,000,000 finished and waiting tasks, written directly: the list's speed, not the insert's.
    const big = await createCluster({ blueprint_id: "marketing-v1", name: "List bench" }, { runtime, audit });
    const now = Date.now();
    if (database === "postgresql")
      await db.$executeRaw`
        INSERT INTO tasks (id, cluster_id, input_json, definition, capability, priority, timeout_s, max_attempts, status, agent_id,
          run_after, created_at, updated_at, finished_at)
        SELECT 'bench-' || lpad(i::text, 7, '0'), ${big.id}, '"x"',
          CASE WHEN i % 10 = 0 THEN 'seo-specialist' END, CASE WHEN i % 7 = 0 THEN 'publishing' END, i % 10, 300, 3,
          CASE WHEN i % 100 = 0 THEN 'queued' WHEN i % 50 = 0 THEN 'dead' ELSE 'succeeded' END,
          CASE WHEN i % 100 = 0 THEN NULL ELSE 'agent-' || (i % 40) END,
          ${now}::float8 - i, ${now}::float8 - i * 10, ${now}::float8 - i * 10,
          CASE WHEN i % 100 = 0 THEN NULL ELSE ${now}::float8 - i * 10 END
        FROM generate_series(1, ${LIST_ROWS}::int) AS n(i)`;
    else
      await db.$executeRaw`
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${LIST_ROWS})
        INSERT INTO tasks (id, cluster_id, input_json, definition, capability, priority, timeout_s, max_attempts, status, agent_id,
          run_after, created_at, updated_at, finished_at)
        SELECT printf('bench-%07d', i), ${big.id}, '"x"',
          CASE WHEN i % 10 = 0 THEN 'seo-specialist' END, CASE WHEN i % 7 = 0 THEN 'publishing' END, i % 10, 300, 3,
          CASE WHEN i % 100 = 0 THEN 'queued' WHEN i % 50 = 0 THEN 'dead' ELSE 'succeeded' END,
          CASE WHEN i % 100 = 0 THEN NULL ELSE 'agent-' || (i % 40) END,
          ${now} - i, ${now} - i * 10, ${now} - i * 10, CASE WHEN i % 100 = 0 THEN NULL ELSE ${now} - i * 10 END
        FROM n`;
    await db.$executeRaw`ANALYZE`;
    const timed = async (what: string, query: Parameters<typeof listTasks>[1]) => {
      const times: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const before = performance.now();
        await listTasks(big.id, query);
        times.push(performance.now() - before);
      }
      line(`list ${LIST_ROWS.toLocaleString("en")} tasks: ${what}`, median(times).toFixed(1), "ms");
    };
    const page = { page: 1, page_size: 20 };
    await timed("first page", page);
    await timed("page 1,000", { ...page, page: 1000 });
    await timed("status=queued", { ...page, status: "queued" });
    await timed("status=dead", { ...page, status: "dead" });
    await timed("definition=seo-specialist", { ...page, definition: "seo-specialist" });
    await timed("capability=publishing", { ...page, capability: "publishing" });
    await timed("agent_id=agent-7", { ...page, agent_id: "agent-7" });
    await timed("since an hour ago", { ...page, since: new Date(now - 3_600_000).toISOString() });
    await db.$disconnect();
  } finally {
    rmSync(directory, { recursive: true, force: true });
    if (database === "postgresql") await dropTestDatabase(databaseUrl);
  }
  return figures;
}

async function main() {
  const results = new Map<Database, Figure[]>();
  for (const database of await benchDatabases("bench:queue")) {
    console.log(`measuring on ${DATABASE_NAMES[database]}...`);
    // This script again, on that database alone.
    results.set(database, await lastJsonLineOfChild<Figure[]>("scripts/bench/task-queue.ts", [database], `bench:queue on ${database}`));
  }
  printSideBySide("bench:queue (in process)", results, 56);
}

const database = process.argv[2];
if (database === "sqlite" || database === "postgresql") console.log(JSON.stringify(await measure(database)));
else await main();
