// npm run bench:api - the production server on a fresh database: medians of the cluster actions
// that move many agents, the hierarchy read, GET throughput, and two floors: a bare better-sqlite3
// insert of the same 1,000 agent rows, and the throughput of a route handler that does nothing.
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { startBenchServer } from "./bench-server";
import { median } from "./median";

const PORT = Number(process.env.BENCH_PORT ?? 3300);
const BASE = `http://127.0.0.1:${PORT}`;
const RUNS = 5;
const WORKERS = 1000;
const BLUEPRINT_YAML = `metadata: { id: bench-1000, name: Bench, version: 1.0.0 }
cluster: { type: project, min_workers: 10, max_workers: ${WORKERS} }
agents:
  - { name: chief, role: supervisor, capabilities: [plan] }
  - { name: worker, role: worker, count: 0-${WORKERS}, capabilities: [work], skills: [typing], config: { temperature: 0.5 } }
`;

/** The admin's API token from the bench server. */
let authorization = "";

async function call(method: string, url: string, body?: unknown): Promise<{ ms: number; json: { id?: string; total_agents?: number } }> {
  const started = performance.now();
  const response = await fetch(`${BASE}${url}`, {
    method,
    headers: { authorization, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as { id?: string; total_agents?: number };
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${JSON.stringify(json)}`);
  return { ms, json };
}

/** Requests per second after a warm-up, so that JIT and connection set-up do not count. */
async function throughput(url: string): Promise<autocannon.Result> {
  const options = { url: `${BASE}${url}`, connections: 50, headers: { authorization } };
  await autocannon({ ...options, duration: 3 });
  return autocannon({ ...options, duration: 10 });
}

/** The floor: one better-sqlite3 transaction inserting the same 1,000 agent rows. */
function bareInsertMedian(directory: string): number {
  const database = new Database(path.join(directory, "bare.db"));
  const migrations = path.join("prisma", "migrations");
  for (const name of readdirSync(migrations)
    .filter((entry) => /^\d+_/.test(entry))
    .sort()) {
    database.exec(readFileSync(path.join(migrations, name, "migration.sql"), "utf8"));
  }
  database.prepare("INSERT INTO blueprints (id, name, version, updated_at) VALUES ('b', 'b', '1.0.0', 0)").run();
  const insertCluster = database.prepare(
    "INSERT INTO clusters (id, name, type, status, blueprint_id, blueprint_version, min_workers, max_workers, target_workers, updated_at) VALUES (?, 'c', 'project', 'active', 'b', '1.0.0', 10, 1000, 1000, 0)",
  );
  const insertAgent = database.prepare(
    "INSERT INTO agents (id, cluster_id, name, definition, ordinal, role, status, supervisor_id, capabilities_json, skills_json, config_json, created_at, updated_at) VALUES (?, ?, ?, 'worker', ?, 'worker', 'active', NULL, '[\"work\"]', '[\"typing\"]', '{\"temperature\":0.5}', ?, ?)",
  );
  const times: number[] = [];
  for (let run = 0; run < RUNS * 2; run++) {
    const clusterId = randomUUID();
    insertCluster.run(clusterId);
    const started = performance.now();
    database.transaction(() => {
      const now = Date.now();
      for (let ordinal = 1; ordinal <= WORKERS; ordinal++)
        insertAgent.run(`agent-${randomUUID()}`, clusterId, `worker-${ordinal}`, ordinal, now, now);
    })();
    times.push(performance.now() - started);
  }
  database.close();
  return median(times);
}

async function main() {
  const server = await startBenchServer(PORT);
  authorization = server.authorization;
  const { directory } = server;
  try {
    await call("POST", "/api/blueprints", { id: "bench-1000", name: "Bench", version: "1.0.0", blueprint_yaml: BLUEPRINT_YAML });
    const create: number[] = [];
    const scaleUp: number[] = [];
    const scaleDown: number[] = [];
    const hierarchy: number[] = [];
    let bigClusterId = "";
    for (let run = 0; run < RUNS; run++) {
      const big = await call("POST", "/api/clusters", { blueprint_id: "bench-1000", name: `big ${run}`, target_workers: WORKERS });
      create.push(big.ms);
      bigClusterId = big.json.id!;
      const small = await call("POST", "/api/clusters", { blueprint_id: "bench-1000", name: `small ${run}`, target_workers: 10 });
      scaleUp.push((await call("POST", `/api/clusters/${small.json.id}/scale`, { target_workers: WORKERS })).ms);
      scaleDown.push((await call("POST", `/api/clusters/${small.json.id}/scale`, { target_workers: 10 })).ms);
    }
    for (let run = 0; run < RUNS * 4; run++) {
      const tree = await call("GET", `/api/clusters/${bigClusterId}/hierarchy`);
      if (tree.json.total_agents !== WORKERS + 1) throw new Error(`hierarchy has ${tree.json.total_agents} agents`);
      hierarchy.push(tree.ms);
    }
    const load = await throughput(`/api/clusters/${bigClusterId}`);
    // The framework's own ceiling: the catch-all handler that answers 404 without touching the database.
    const frameworkFloor = await throughput("/api/bench-floor");
    const floor = bareInsertMedian(directory);

    const rows: Array<[string, string, string]> = [
      [`create a ${WORKERS}-worker cluster`, `${median(create).toFixed(1)} ms`, ""],
      [
        `scale 10 -> ${WORKERS} (spawns ${WORKERS - 10})`,
        `${median(scaleUp).toFixed(1)} ms`,
        `target < 300 ms; ${(median(scaleUp) / floor).toFixed(1)}x the bare insert (target <= 10x)`,
      ],
      [`scale ${WORKERS} -> 10`, `${median(scaleDown).toFixed(1)} ms`, ""],
      [`GET hierarchy of ${WORKERS + 1} agents`, `${median(hierarchy).toFixed(1)} ms`, "target < 30 ms"],
      [
        "GET /api/clusters/{id}, 50 connections",
        `${Math.round(load.requests.average)} req/s`,
        `target >= 1500 req/s; p50 latency ${load.latency.p50} ms, ${load.errors + load.non2xx} errors; ${(load.requests.average / frameworkFloor.requests.average).toFixed(2)}x the empty handler`,
      ],
      [
        "empty route handler (404), 50 connections",
        `${Math.round(frameworkFloor.requests.average)} req/s`,
        "Next.js's ceiling on this machine",
      ],
      [`bare better-sqlite3 insert of ${WORKERS} agent rows`, `${floor.toFixed(1)} ms`, "the floor"],
    ];
    console.log(`\nbench:api (medians of ${RUNS} runs; hierarchy of ${RUNS * 4})`);
    for (const [what, value, note] of rows) console.log(`${what.padEnd(42)} ${value.padStart(14)}  ${note}`);
  } finally {
    server.stop();
  }
}

await main();
