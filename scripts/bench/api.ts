// npm run bench:api - the production server on a fresh SQLite database and then on a fresh
// PostgreSQL one (a throwaway database; skipped when no server answers), both side by side at the
// end: medians of the cluster actions that move 1,000 agents and of the hierarchy read against the
// bare driver's insert of the same rows; GET /api/clusters/{id} with a token against the empty route
// handler; on PostgreSQL the same GET through two instances against one; and 1,000 open event
// streams: the server's idle CPU and how long one change takes to reach them all.
// BENCH_DATABASES=sqlite (or postgresql) runs one of them.
import os from "node:os";
import { createTestDatabase, dropTestDatabase } from "../../lib/test/postgres-databases";
import { type BenchServer, startBenchServer } from "./bench-server";
import { measureEventStreams } from "./event-streams";
import { barePostgresInsertMedian, bareSqliteInsertMedian } from "./insert-floors";
import { median } from "./median";
import { benchDatabases, type Database, DATABASE_NAMES, type Figure, figureLog, printSideBySide } from "./side-by-side";
import { alternate, load, type LoadFigures, type LoadTarget } from "./throughput";

const PORT = Number(process.env.BENCH_PORT ?? 3300);
const RUNS = 5;
const WORKERS = 1000;
const LOAD_SECONDS = 5;
const LOAD_ROUNDS = 2;
const STREAMS = 1000;
const LABEL_WIDTH = 58;
const BLUEPRINT_YAML = `metadata: { id: bench-1000, name: Bench, version: 1.0.0 }
cluster: { type: project, min_workers: 10, max_workers: ${WORKERS} }
agents:
  - { name: chief, role: supervisor, capabilities: [plan] }
  - { name: worker, role: worker, count: 0-${WORKERS}, capabilities: [work], skills: [typing], config: { temperature: 0.5 } }
`;

interface Measured {
  figures: Figure[];
  notes: string[];
}

const loadAverage = () => os.loadavg()[0]!.toFixed(2);
const ms = (value: number) => value.toFixed(1);
const perSecond = (figures: LoadFigures) => String(Math.round(figures.requestsPerSecond));
const cores = (value: number) => `${value.toFixed(2)} cores`;

function api(server: BenchServer) {
  return async (method: string, url: string, body?: unknown): Promise<{ ms: number; json: { id?: string; total_agents?: number } }> => {
    const started = performance.now();
    const response = await fetch(`${server.base}${url}`, {
      method,
      headers: { authorization: server.authorization, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as { id?: string; total_agents?: number };
    const elapsed = performance.now() - started;
    if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${JSON.stringify(json)}`);
    return { ms: elapsed, json };
  };
}

/** Every figure on one database, through production servers started on it. */
async function measure(database: Database): Promise<Measured> {
  const { figures, line } = figureLog(LABEL_WIDTH);
  const notes: string[] = [];
  const name = DATABASE_NAMES[database];
  const databaseUrl = database === "postgresql" ? await createTestDatabase("bench_api") : undefined;
  console.log(`\nbench:api on ${name} (load average ${loadAverage()} at the start)`);
  const server = await startBenchServer(PORT, { databaseUrl }).catch(async (error: unknown) => {
    if (databaseUrl) await dropTestDatabase(databaseUrl);
    throw error;
  });
  const call = api(server);
  try {
    // Cluster actions that move 1,000 agents, and the hierarchy read.
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
    const floor =
      database === "sqlite"
        ? bareSqliteInsertMedian(server.directory, WORKERS, RUNS * 2)
        : await barePostgresInsertMedian(databaseUrl!, WORKERS, RUNS * 2);
    line(`create a ${WORKERS}-worker cluster`, ms(median(create)), "ms");
    line(`scale 10 -> ${WORKERS} (spawns ${WORKERS - 10})`, ms(median(scaleUp)), "ms  target < 300 on PostgreSQL");
    line(
      `  bare driver's insert of ${WORKERS} agent rows`,
      ms(floor),
      `ms  (${database === "sqlite" ? "better-sqlite3" : "pg"}, one transaction)`,
    );
    line(`  scale 10 -> ${WORKERS} against that insert`, `${(median(scaleUp) / floor).toFixed(1)}x`, "");
    line(`scale ${WORKERS} -> 10`, ms(median(scaleDown)), "ms");
    line(`GET hierarchy of ${WORKERS + 1} agents`, ms(median(hierarchy)), "ms  target < 30 on PostgreSQL");

    // GET /api/clusters/{id} with a token against the empty route handler, taking turns.
    const target = (path: string, at: BenchServer = server): LoadTarget => ({
      url: `${at.base}${path}`,
      authorization: server.authorization,
      pid: at.pid,
    });
    const cluster = target(`/api/clusters/${bigClusterId}`);
    // The catch-all route's 404, without authentication or a budget: what Next.js alone costs.
    const empty = target("/api/bench-floor");
    const turns = await alternate(
      { cluster: () => load([cluster], LOAD_SECONDS), empty: () => load([empty], LOAD_SECONDS) },
      { rounds: LOAD_ROUNDS, warmUp: { cluster: () => load([cluster], 3), empty: () => load([empty], 3) } },
    );
    if (turns.cluster.failures > 0) throw new Error(`GET /api/clusters/{id} failed ${turns.cluster.failures} times under load`);
    line(
      "GET /api/clusters/{id} with a token, 50 connections",
      perSecond(turns.cluster),
      `req/s  p50 ${turns.cluster.p50Ms.toFixed(0)} ms`,
    );
    line("empty route handler (404), 50 connections", perSecond(turns.empty), `req/s  p50 ${turns.empty.p50Ms.toFixed(0)} ms`);
    line(
      "  GET /api/clusters/{id} against the empty handler",
      `${(turns.cluster.requestsPerSecond / turns.empty.requestsPerSecond).toFixed(2)}x`,
      "target >= 0.8x",
    );
    line("  server CPU per GET /api/clusters/{id}", turns.cluster.serverCpuMsPerRequest.toFixed(2), "ms");
    line("  server CPU per empty handler's answer", turns.empty.serverCpuMsPerRequest.toFixed(2), "ms");

    if (database === "postgresql") notes.push(...(await twoInstances(databaseUrl!, server, cluster, line)));

    const streams = await measureEventStreams({
      base: server.base,
      authorization: server.authorization,
      serverPid: server.pid,
      streams: STREAMS,
    });
    line(`${STREAMS} idle event streams: server CPU`, streams.idleCpuPercent.with.toFixed(1), "% of a core  target < 5");
    line("  with none open", streams.idleCpuPercent.without.toFixed(1), "% of a core");
    line("  the streams' own share", (streams.idleCpuPercent.with - streams.idleCpuPercent.without).toFixed(1), "% of a core");
    line(`one change reaches all ${STREAMS} streams: median`, streams.deliveryMs.median.toFixed(0), "ms");
    line(
      "  the last of them",
      streams.deliveryMs.max.toFixed(0),
      `ms  target < 1000${streams.missed ? `; ${streams.missed} missed it` : ""}`,
    );
  } finally {
    await server.stop();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  }
  notes.unshift(`${name}: load average ${loadAverage()} at the end`);
  return { figures, notes };
}

/** The same GET through two instances on one database, against one; and what the machine's cores did meanwhile. */
async function twoInstances(
  databaseUrl: string,
  first: BenchServer,
  cluster: LoadTarget,
  line: (what: string, figure: string, unit: string) => void,
): Promise<string[]> {
  const second = await startBenchServer(PORT + 1, { databaseUrl });
  try {
    const both = [cluster, { ...cluster, url: cluster.url.replace(first.base, second.base), pid: second.pid }];
    const turns = await alternate(
      { one: () => load([cluster], LOAD_SECONDS), two: () => load(both, LOAD_SECONDS) },
      { rounds: LOAD_ROUNDS, warmUp: { one: () => load([cluster], 3), two: () => load(both, 3) } },
    );
    if (turns.two.failures > 0) throw new Error(`GET /api/clusters/{id} through two instances failed ${turns.two.failures} times`);
    line("GET /api/clusters/{id} through two instances (25 + 25)", perSecond(turns.two), `req/s  p50 ${turns.two.p50Ms.toFixed(0)} ms`);
    line("  the same through one of them (50)", perSecond(turns.one), "req/s");
    line("  two instances against one", `${(turns.two.requestsPerSecond / turns.one.requestsPerSecond).toFixed(2)}x`, "");
    return whatLimits(turns.one, turns.two);
  } finally {
    await second.stop();
  }
}

/** Where each load's cores went, and so what held the throughput back: a server's one thread, or the machine. */
function whatLimits(one: LoadFigures, two: LoadFigures): string[] {
  const machineCores = os.cpus().length;
  const share = (figures: LoadFigures) => {
    const servers = figures.cores.servers.reduce((sum, used) => sum + used, 0);
    const rest = figures.cores.machine - servers - figures.cores.generator;
    return (
      `${cores(figures.cores.machine)} of ${machineCores} busy: server${figures.cores.servers.length > 1 ? "s" : ""} ` +
      `${figures.cores.servers.map(cores).join(" + ")}, load generator ${cores(figures.cores.generator)}, PostgreSQL and the rest ${cores(rest)}`
    );
  };
  const limits = [
    // A Node server runs its JavaScript on one thread: near a core, it is its own limit.
    one.cores.servers[0]! > 0.85
      ? `one instance is held back by its single JavaScript thread (${cores(one.cores.servers[0]!)})`
      : `one instance got only ${cores(one.cores.servers[0]!)}: the rest of the machine (PostgreSQL, the load generator, any other process) took the others`,
    two.cores.machine > machineCores - 0.2
      ? `two instances fill the machine's ${machineCores} cores, shared with the load generator and PostgreSQL: more instances need more cores`
      : `two instances leave ${cores(machineCores - two.cores.machine)} idle`,
  ];
  return [
    `PostgreSQL, GET through one instance: ${share(one)}`,
    `PostgreSQL, GET through two instances: ${share(two)}`,
    `What limits it: ${limits.join("; ")}.`,
  ];
}

async function main() {
  const results = new Map<Database, Measured>();
  for (const database of await benchDatabases("bench:api")) results.set(database, await measure(database));
  const figures = new Map([...results].map(([database, result]) => [database, result.figures]));
  printSideBySide(
    `bench:api, side by side (medians of ${RUNS} runs; hierarchy of ${RUNS * 4}; loads ${LOAD_ROUNDS} x ${LOAD_SECONDS} s in turns)`,
    figures,
    LABEL_WIDTH,
  );
  for (const result of results.values()) for (const note of result.notes) console.log(note);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
