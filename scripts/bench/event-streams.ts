// npm run bench:streams - open event streams against a production server: the server process's
// CPU while N streams idle (from /proc/<pid>/stat), and how long one change takes to reach all N.
// measureEventStreams is also what bench:api calls for its figure.
//
// One client process holds all N sockets, so it uses plain http.request: Node's agent has no
// socket cap by default (maxSockets: Infinity), while browsers cap a server at six. The server's
// own defaults let idle streams be: requestTimeout (300 s) covers receiving the request only,
// and a stream writes a heartbeat every 15 s. Streams open in waves of OPEN_WAVE so that the
// listen backlog (511) never overflows; the open-files limit (`ulimit -n`) must exceed N on both sides.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { startBenchServer } from "./bench-server";
import { median } from "./median";

const OPEN_WAVE = 100;
const DELIVERY_TIMEOUT_MS = 10_000;
const OPEN_TIMEOUT_MS = 30_000;
/** Clock ticks per second of /proc's times (USER_HZ, 100 on Linux). */
export const TICKS_PER_SECOND = 100;

export interface EventStreamFigures {
  streams: number;
  /** The server's CPU over the idle window, in percent of one core, without and with the streams open. */
  idleCpuPercent: { without: number; with: number };
  /** From sending one change to each stream receiving it. */
  deliveryMs: { median: number; max: number };
  /** From sending the change to its answer: the part of the delivery time the change itself takes. */
  changeAnsweredMs: number;
  /** The server's CPU time from sending the change until every stream had it (10 ms resolution). */
  changeCpuMs: number;
  /** Streams that had not received the change within DELIVERY_TIMEOUT_MS. */
  missed: number;
}

interface OpenStream {
  received: string;
  /** When `marker` first arrived (performance.now()). */
  arrivedAt?: number;
  close(): void;
}

/** User plus system CPU time of a process so far, in seconds. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name, which sits in parentheses and may hold spaces: utime and stime are the 14th and 15th fields.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

async function cpuPercentOver(pid: number, seconds: number): Promise<number> {
  const before = cpuSeconds(pid);
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const elapsed = (performance.now() - started) / 1000;
  return ((cpuSeconds(pid) - before) / elapsed) * 100;
}

/** Opens one stream and resolves once the server said `ready` (it listens from then on). */
function openStream(url: URL, authorization: string, marker: string): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const stream: OpenStream = { received: "", close: () => request.destroy() };
    const request = http.get(url, { headers: { authorization, accept: "text/event-stream" } }, (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`${url.pathname}${url.search} answered ${response.statusCode}`));
        response.resume();
        return;
      }
      response.setEncoding("utf8");
      let ready = false;
      response.on("data", (chunk: string) => {
        stream.received += chunk;
        if (!ready && stream.received.includes("event: ready")) {
          ready = true;
          stream.received = "";
          resolve(stream);
        }
        if (stream.arrivedAt === undefined && stream.received.includes(marker)) stream.arrivedAt = performance.now();
        // Keep only a tail long enough to find the marker across chunk boundaries.
        if (stream.received.length > 4096) stream.received = stream.received.slice(-marker.length);
      });
    });
    request.on("error", reject);
    request.setTimeout(OPEN_TIMEOUT_MS, () => request.destroy(new Error(`${url.pathname} did not open within ${OPEN_TIMEOUT_MS} ms`)));
  });
}

async function api(base: string, authorization: string, method: string, path: string, body?: unknown): Promise<{ id?: string }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { id?: string };
}

/**
 * Opens `streams` streams (half of them on every cluster, half following the changed cluster),
 * measures the server's CPU while they idle, then changes the cluster once (through `changeBase`
 * when given: another instance) and times its arrival.
 */
export async function measureEventStreams(options: {
  base: string;
  authorization: string;
  serverPid: number;
  streams?: number;
  idleSeconds?: number;
  /** Another instance on the same database to make the change through (default: `base`). */
  changeBase?: string;
}): Promise<EventStreamFigures> {
  const { base, authorization, serverPid } = options;
  const count = options.streams ?? 1000;
  const idleSeconds = options.idleSeconds ?? 10;
  const blueprintId = `streams-${randomUUID().slice(0, 8)}`;
  await api(base, authorization, "POST", "/api/blueprints", {
    id: blueprintId,
    name: "Streams bench",
    version: "1.0.0",
    blueprint_yaml: `metadata: { id: ${blueprintId}, name: Streams bench, version: 1.0.0 }\ncluster: { type: project, min_workers: 1, max_workers: 2 }\nagents:\n  - { name: chief, role: supervisor, capabilities: [plan] }\n  - { name: worker, role: worker, count: 1-2, capabilities: [work] }\n`,
  });
  const cluster = await api(base, authorization, "POST", "/api/clusters", {
    blueprint_id: blueprintId,
    name: "streams bench",
    target_workers: 1,
  });
  const marker = `streams-bench-${randomUUID()}`;
  // Once before measuring, so that the timed change pays no first-call costs.
  await api(options.changeBase ?? base, authorization, "PUT", `/api/clusters/${cluster.id}`, { description: "warming up" });

  const without = await cpuPercentOver(serverPid, idleSeconds);
  const open: OpenStream[] = [];
  try {
    for (let first = 0; first < count; first += OPEN_WAVE) {
      const wave = Array.from({ length: Math.min(OPEN_WAVE, count - first) }, (_, index) =>
        openStream(
          new URL((first + index) % 2 === 0 ? "/api/events" : `/api/events?cluster_id=${cluster.id}`, base),
          authorization,
          marker,
        ),
      );
      open.push(...(await Promise.all(wave)));
    }
    // Let the opening work (requests, first reads, garbage) settle before measuring the idle cost.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const withStreams = await cpuPercentOver(serverPid, idleSeconds);

    const cpuBefore = cpuSeconds(serverPid);
    const sent = performance.now();
    await api(options.changeBase ?? base, authorization, "PUT", `/api/clusters/${cluster.id}`, { description: marker });
    const answered = performance.now() - sent;
    const deadline = sent + DELIVERY_TIMEOUT_MS;
    while (open.some((stream) => stream.arrivedAt === undefined) && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const changeCpuMs = (cpuSeconds(serverPid) - cpuBefore) * 1000;
    const arrivals = open.flatMap((stream) => (stream.arrivedAt === undefined ? [] : [stream.arrivedAt - sent]));
    return {
      streams: count,
      idleCpuPercent: { without, with: withStreams },
      deliveryMs: { median: arrivals.length ? median(arrivals) : NaN, max: arrivals.length ? Math.max(...arrivals) : NaN },
      changeAnsweredMs: answered,
      changeCpuMs,
      missed: count - arrivals.length,
    };
  } finally {
    for (const stream of open) stream.close();
  }
}

/** The figures as bench:api prints them. */
export function describeEventStreams(figures: EventStreamFigures): string[] {
  return [
    `${figures.streams} idle event streams: server CPU ${figures.idleCpuPercent.with.toFixed(1)}% of a core (${figures.idleCpuPercent.without.toFixed(1)}% with none open; target < 5%)`,
    `one change reaches all ${figures.streams}: median ${figures.deliveryMs.median.toFixed(0)} ms, last ${figures.deliveryMs.max.toFixed(0)} ms, the change itself answered in ${figures.changeAnsweredMs.toFixed(0)} ms; ${figures.changeCpuMs.toFixed(0)} ms of server CPU${figures.missed ? `, ${figures.missed} missed it` : ""} (target < 1000 ms)`,
  ];
}

async function main() {
  const port = Number(process.env.BENCH_PORT ?? 3400);
  const streams = Number(process.env.BENCH_STREAMS ?? 1000);
  const server = await startBenchServer(port);
  try {
    const figures = await measureEventStreams({ base: server.base, authorization: server.authorization, serverPid: server.pid, streams });
    console.log("\nbench:streams");
    for (const line of describeEventStreams(figures)) console.log(line);
  } finally {
    await server.stop();
  }
}

// Run as a script (npm run bench:streams), not when bench:api imports the measurement.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
