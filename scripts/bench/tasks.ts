// npm run bench:tasks - the task queue end to end through the production server, with the
// built-in `simulate` executor, on SQLite and then on PostgreSQL (a throwaway database; skipped when
// no server answers), printing every figure of issues 17 and 18 as it is measured and then both
// databases side by side:
//   1. throughput: batches of 1,000 tasks submitted to a cluster of 100 agents, until all succeeded;
//   2. queued -> running with idle agents: one task at a time, created_at to the attempt's start;
//   3. a task for a hibernated cluster: created_at to the attempt's start (the wake included);
//   4. a task whose agent dies mid-run: running again on another agent (tasks-agent-death.ts);
//   5. a backlog of 5,000 tasks on a cluster with a queue_depth policy: the workers over time.
// BENCH_DATABASES=sqlite (or postgresql) runs one of them.
import { createTestDatabase, dropTestDatabase } from "../../lib/test/postgres-databases";
import { startBenchServer } from "./bench-server";
import { median } from "./median";
import {
  benchDatabases,
  type Database,
  DATABASE_NAMES,
  type Figure,
  figureLog,
  lastJsonLineOfChild,
  printSideBySide,
} from "./side-by-side";

const PORT = Number(process.env.BENCH_PORT ?? 3330);
const THROUGHPUT_BATCHES = Number(process.env.BENCH_BATCHES ?? 20);
const BATCH = 1000;
const LATENCY_SAMPLES = 200;
const WAKE_SAMPLES = 20;
const BACKLOG = 5000;
const LABEL_WIDTH = 62;

const percentile = (values: readonly number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface TaskView {
  id: string;
  status: string;
  agent_id: string | null;
  created_at: string;
  started_at: string | null;
  attempts?: Array<{ agent_id: string; started_at: string }>;
}
interface ClusterView {
  id: string;
  status: string;
  current_workers: number;
  tasks: { queued: number; running: number };
}

const blueprintYaml = (id: string, workers: string, scaling = "") => `metadata: { id: ${id}, name: ${id}, version: 1.0.0 }
cluster:
  type: team
  min_workers: ${workers.split("-")[0]}
  max_workers: ${workers.split("-")[1]}
  config:
    executor: { type: simulate }
${scaling}agents:
  - { name: lead, role: supervisor }
  - { name: doer, role: worker, reports_to: lead, count: ${workers} }
`;

/** Every figure on one database, through a production server started on it. */
async function measure(database: Database): Promise<{ figures: Figure[]; notes: string[] }> {
  const { figures, line } = figureLog(LABEL_WIDTH);
  const notes: string[] = [];
  const databaseUrl = database === "postgresql" ? await createTestDatabase("bench_tasks") : undefined;
  const server = await startBenchServer(PORT, { databaseUrl }).catch(async (error: unknown) => {
    if (databaseUrl) await dropTestDatabase(databaseUrl);
    throw error;
  });
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${server.base}${path}`, {
      method,
      headers: { authorization: server.authorization, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    return response.json() as Promise<T>;
  };
  const makeCluster = async (id: string, workers: string, scaling = "", target?: number) => {
    await call("POST", "/api/blueprints", { id, name: id, version: "1.0.0", blueprint_yaml: blueprintYaml(id, workers, scaling) });
    return call<ClusterView>("POST", "/api/clusters", { blueprint_id: id, name: id, target_workers: target });
  };
  const waitUntil = async (what: string, check: () => Promise<boolean>, timeoutMs: number, everyMs = 100) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs / 1000} s`);
      await sleep(everyMs);
    }
  };
  const startDelay = (task: TaskView) => Date.parse(task.attempts![0]!.started_at) - Date.parse(task.created_at);
  // Each figure is printed as soon as it is measured: the whole run takes minutes.
  const show = (print: () => void) => print();
  console.log(`\nbench:tasks (production server on ${DATABASE_NAMES[database]}, simulate executor)`);

  try {
    // 1. Throughput.
    const hundred = await makeCluster("tasks-bench", "100-100");
    const batch = () => ({ tasks: Array.from({ length: BATCH }, (_, index) => ({ input: { n: index } })) });
    await call("POST", `/api/clusters/${hundred.id}/tasks`, batch());
    await waitUntil(
      "warm-up drained",
      async () => (await call<ClusterView>("GET", `/api/clusters/${hundred.id}`)).tasks.queued === 0,
      60_000,
    );
    const started = performance.now();
    let submitted = 0;
    await Promise.all(
      Array.from({ length: 2 }, async () => {
        while (submitted < THROUGHPUT_BATCHES) {
          submitted++;
          await call("POST", `/api/clusters/${hundred.id}/tasks`, batch());
        }
      }),
    );
    const submitSeconds = (performance.now() - started) / 1000;
    await waitUntil(
      "all tasks finished",
      async () => {
        const view = await call<ClusterView>("GET", `/api/clusters/${hundred.id}`);
        return view.tasks.queued + view.tasks.running === 0;
      },
      300_000,
      50,
    );
    const seconds = (performance.now() - started) / 1000;
    // The list counts up to 10,000, so "all succeeded" is read as "none in any other status".
    const others = await Promise.all(
      ["queued", "running", "failed", "dead", "cancelled"].map(
        async (status) => (await call<{ total: number }>("GET", `/api/clusters/${hundred.id}/tasks?status=${status}&page_size=1`)).total,
      ),
    );
    const notSucceeded = others.reduce((sum, count) => sum + count, 0);
    const total = (THROUGHPUT_BATCHES + 1) * BATCH;
    show(() => {
      line(
        `throughput, ${THROUGHPUT_BATCHES} x ${BATCH} tasks to 100 agents, end to end`,
        ((THROUGHPUT_BATCHES * BATCH) / seconds).toFixed(0),
        "tasks/s  target >= 1000",
      );
      line(`  submitting alone (2 callers)`, ((THROUGHPUT_BATCHES * BATCH) / submitSeconds).toFixed(0), "tasks/s");
      line(`  tasks of ${total} submitted that did not succeed`, String(notSucceeded), "target 0");
    });

    // 2. queued -> running with idle agents.
    const delays: number[] = [];
    for (let sample = 0; sample < LATENCY_SAMPLES; sample++) {
      const task = await call<TaskView>("POST", `/api/clusters/${hundred.id}/tasks`, { input: "ping" });
      delays.push(startDelay(await call<TaskView>("GET", `/api/tasks/${task.id}?wait_s=10`)));
    }
    show(() => {
      line(`queued -> running, idle agents, p50 (${LATENCY_SAMPLES} tasks)`, percentile(delays, 0.5).toFixed(1), "ms  target <= 10");
      line(`queued -> running, idle agents, p99`, percentile(delays, 0.99).toFixed(1), "ms  target <= 50");
    });

    // 3. A task for a hibernated cluster.
    const sleeper = await makeCluster("wake-bench", "1-4");
    const wakes: number[] = [];
    for (let sample = 0; sample < WAKE_SAMPLES; sample++) {
      await call("POST", `/api/clusters/${sleeper.id}/hibernate`, {});
      const task = await call<TaskView>("POST", `/api/clusters/${sleeper.id}/tasks`, { input: "wake up" });
      wakes.push(startDelay(await call<TaskView>("GET", `/api/tasks/${task.id}?wait_s=30`)));
      await waitUntil(
        "the cluster active again",
        async () => (await call<ClusterView>("GET", `/api/clusters/${sleeper.id}`)).status === "active",
        30_000,
      );
    }
    show(() => {
      line(`hibernated cluster: submitted -> at its executor, p50 (${WAKE_SAMPLES})`, percentile(wakes, 0.5).toFixed(0), "ms");
      line(`hibernated cluster: submitted -> at its executor, p95`, percentile(wakes, 0.95).toFixed(0), "ms  target <= 2000");
    });

    // 5. A backlog on a queue_depth policy.
    const scaling = `  scaling:
    metric: queue_depth
    target_value: 100
    evaluation_interval_s: 2
    scale_up_stabilization_s: 0
    scale_down_stabilization_s: 6
`;
    const elastic = await makeCluster("backlog-bench", "1-20", scaling, 1);
    const submittedAt = performance.now();
    for (let sent = 0; sent < BACKLOG; sent += BATCH) {
      await call("POST", `/api/clusters/${elastic.id}/tasks`, {
        tasks: Array.from({ length: BATCH }, () => ({ input: { duration_ms: 100 } })),
      });
    }
    const samples: Array<{ at: number; workers: number; waiting: number }> = [];
    let drainedAt: number | undefined;
    const deadline = Date.now() + 600_000;
    for (;;) {
      const view = await call<ClusterView>("GET", `/api/clusters/${elastic.id}`);
      const at = (performance.now() - submittedAt) / 1000;
      samples.push({ at, workers: view.current_workers, waiting: view.tasks.queued + view.tasks.running });
      if (drainedAt === undefined && view.tasks.queued + view.tasks.running === 0) drainedAt = at;
      if (drainedAt !== undefined && (view.current_workers <= 1 || at - drainedAt > 60)) break;
      if (Date.now() > deadline) throw new Error("the backlog did not drain within 10 minutes");
      await sleep(250);
    }
    const firstUp = samples.find((sample) => sample.workers > 1)?.at;
    const peak = Math.max(...samples.map((sample) => sample.workers));
    // A flap is a scale-up after the backlog started being scaled down for; up, then down as it drains, is the policy.
    let directionChanges = 0;
    let scaledDown = false;
    for (let index = 1; index < samples.length; index++) {
      const step = Math.sign(samples[index]!.workers - samples[index - 1]!.workers);
      if (step < 0) scaledDown = true;
      if (step > 0 && scaledDown && samples[index]!.waiting > 0) directionChanges++;
    }
    const final = samples.at(-1)!;
    const steps = samples.filter((sample, index) => index === 0 || sample.workers !== samples[index - 1]!.workers);
    const timeline = steps.map((sample) => `${sample.at.toFixed(1)} s: ${sample.workers} (${sample.waiting} waiting)`).join(", ");
    show(() => {
      line(`backlog ${BACKLOG}, queue_depth policy (eval 2 s): first scale-up after`, firstUp?.toFixed(1) ?? "never", "s  target <= 2");
      line(`  peak workers`, String(peak), "(max 20)");
      line(`  backlog drained after`, drainedAt!.toFixed(1), "s");
      line(`  scale-ups after the first scale-down, backlog left`, String(directionChanges), "target 0");
      line(`  workers after draining (policy: back to min_workers 1)`, String(final.workers), "target 1");
      line(`    reached after the backlog drained`, (final.at - drainedAt!).toFixed(1), "s");
      notes.push(`${DATABASE_NAMES[database]} workers over time: ${timeline}`);
      console.log(`  workers over time: ${timeline}`);
    });
  } finally {
    await server.stop();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  }

  // 4. An agent that dies mid-run (two agent hosts on one database, library level).
  const death = await benchAgentDeath(database);
  show(() => {
    line(
      `agent dies mid-run: running again on another agent, median of ${death.samples.length}`,
      (median(death.samples) / 1000).toFixed(1),
      "s",
    );
    line(`agent dies mid-run: slowest`, (Math.max(...death.samples) / 1000).toFixed(1), "s  target <= 15");
  });
  return { figures, notes };
}

/** tasks-agent-death.ts in its own process: lib/db binds to one database per process. */
function benchAgentDeath(database: Database): Promise<{ samples: number[] }> {
  return lastJsonLineOfChild("scripts/bench/tasks-agent-death.ts", [database], `the agent-death bench on ${database}`);
}

async function main() {
  const results = new Map<Database, { figures: Figure[]; notes: string[] }>();
  for (const database of await benchDatabases("bench:tasks")) results.set(database, await measure(database));
  const figures = new Map([...results].map(([database, result]) => [database, result.figures]));
  printSideBySide("bench:tasks, side by side (production server, simulate executor)", figures, LABEL_WIDTH);
  for (const result of results.values()) for (const note of result.notes) console.log(note);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
