// Requests per second against bench servers, from autocannon in this process, and who used the
// machine's CPU meanwhile: each server, this process (the load generator), and everything else
// (PostgreSQL, the other processes on the machine), read from /proc.
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import { cpuSeconds, TICKS_PER_SECOND } from "./event-streams";

export interface LoadTarget {
  url: string;
  authorization: string;
  /** The server's process, whose CPU is counted. */
  pid: number;
}

export interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  /** Answers other than 2xx, and errors. */
  failures: number;
  /** Cores used on average over the run: by each target's server, by this process, by the machine in all. */
  cores: { servers: number[]; generator: number; machine: number };
  /** CPU milliseconds the servers spent per request. */
  serverCpuMsPerRequest: number;
}

/** Busy and total CPU ticks of the whole machine so far. */
function machineTicks(): { busy: number; total: number } {
  const [, ...fields] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/);
  const ticks = fields.map(Number);
  const total = ticks.reduce((sum, tick) => sum + tick, 0);
  // idle and iowait are the 4th and 5th.
  return { busy: total - ticks[3]! - ticks[4]!, total };
}

/** `connections` spread over `targets` for `seconds`, all at once (one load balancer's view of them). */
export async function load(targets: readonly LoadTarget[], seconds: number, connections = 50): Promise<LoadFigures> {
  const serversBefore = targets.map((target) => cpuSeconds(target.pid));
  const generatorBefore = process.cpuUsage();
  const machineBefore = machineTicks();
  const started = performance.now();
  const results = await Promise.all(
    targets.map((target) =>
      autocannon({
        url: target.url,
        connections: Math.ceil(connections / targets.length),
        duration: seconds,
        headers: { authorization: target.authorization },
      }),
    ),
  );
  const elapsed = (performance.now() - started) / 1000;
  const machineAfter = machineTicks();
  const generator = process.cpuUsage(generatorBefore);
  const servers = targets.map((target, index) => (cpuSeconds(target.pid) - serversBefore[index]!) / elapsed);
  const requests = results.reduce((sum, result) => sum + result.requests.total, 0);
  return {
    requestsPerSecond: results.reduce((sum, result) => sum + result.requests.average, 0),
    p50Ms: Math.max(...results.map((result) => result.latency.p50)),
    failures: results.reduce((sum, result) => sum + result.errors + result.non2xx, 0),
    cores: {
      servers,
      generator: (generator.user + generator.system) / 1e6 / elapsed,
      machine: (machineAfter.busy - machineBefore.busy) / TICKS_PER_SECOND / elapsed,
    },
    serverCpuMsPerRequest: (servers.reduce((sum, cores) => sum + cores, 0) * elapsed * 1000) / requests,
  };
}

/**
 * Each load in turn, `rounds` times, after a warm-up of each: on a machine others use too, what
 * they take then falls on every load alike. Figures of one load are averaged over its rounds.
 */
export async function alternate<K extends string>(
  loads: Record<K, () => Promise<LoadFigures>>,
  options: { rounds: number; warmUp: Record<K, () => Promise<unknown>> },
): Promise<Record<K, LoadFigures>> {
  const names = Object.keys(loads) as K[];
  for (const name of names) await options.warmUp[name]();
  const measured = Object.fromEntries(names.map((name) => [name, [] as LoadFigures[]])) as Record<K, LoadFigures[]>;
  for (let round = 0; round < options.rounds; round++) for (const name of names) measured[name].push(await loads[name]());
  return Object.fromEntries(names.map((name) => [name, averageOf(measured[name])])) as Record<K, LoadFigures>;
}

function averageOf(runs: readonly LoadFigures[]): LoadFigures {
  const mean = (pick: (run: LoadFigures) => number) => runs.reduce((sum, run) => sum + pick(run), 0) / runs.length;
  return {
    requestsPerSecond: mean((run) => run.requestsPerSecond),
    p50Ms: mean((run) => run.p50Ms),
    failures: runs.reduce((sum, run) => sum + run.failures, 0),
    cores: {
      servers: runs[0]!.cores.servers.map((_, index) => mean((run) => run.cores.servers[index]!)),
      generator: mean((run) => run.cores.generator),
      machine: mean((run) => run.cores.machine),
    },
    serverCpuMsPerRequest: mean((run) => run.serverCpuMsPerRequest),
  };
}
