// npm run bench:autoscaler - metrics ingestion through the production server: batches of 1,000
// points posted by 4 concurrent callers with an API token, the points per second they achieve,
// and a single batch's latency; then one autoscaler tick over 1,000 clusters (autoscaler-tick.ts).
// Prints medians of 5 runs.
import { benchAutoscalerTick } from "./autoscaler-tick";
import { startBenchServer } from "./bench-server";
import { median } from "./median";

const PORT = Number(process.env.BENCH_PORT ?? 3320);
const RUNS = 5;
const BATCH = 1000;
const BATCHES_PER_RUN = 40;
const CONCURRENCY = 4;
const line = (what: string, figure: string, unit: string) => console.log(`${what.padEnd(56)}${figure.padStart(9)} ${unit}`);

async function main() {
  const server = await startBenchServer(PORT);
  try {
    const call = async (method: string, path: string, body: unknown) => {
      const response = await fetch(`${server.base}${path}`, {
        method,
        headers: { authorization: server.authorization, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
      return response.json() as Promise<{ id: string }>;
    };
    const blueprint =
      "metadata: { id: metrics-bench, name: Metrics bench, version: 1.0.0 }\ncluster: { type: team, min_workers: 1, max_workers: 4 }\nagents:\n  - { name: boss, role: supervisor, capabilities: [plan] }\n  - { name: doer, role: worker, reports_to: boss, count: 1-4, capabilities: [do] }\n";
    await call("POST", "/api/blueprints", { id: "metrics-bench", name: "Metrics bench", version: "1.0.0", blueprint_yaml: blueprint });
    const cluster = await call("POST", "/api/clusters", { blueprint_id: "metrics-bench", name: "Metrics bench" });
    const names = ["queue_depth", "tasks_per_minute", "response_time_ms", "cpu_utilization"] as const;
    const batch = () => ({
      points: Array.from({ length: BATCH }, (_, index) => ({ name: names[index % names.length], value: Math.random() * 100 })),
    });
    const post = () => call("POST", `/api/clusters/${cluster.id}/metrics`, batch());

    for (let warm = 0; warm < 5; warm++) await post();
    const throughput: number[] = [];
    const latency: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next++ < BATCHES_PER_RUN) await post();
        }),
      );
      throughput.push((BATCHES_PER_RUN * BATCH) / ((performance.now() - started) / 1000));
      const one = performance.now();
      await post();
      latency.push(performance.now() - one);
    }
    console.log(`\nbench:autoscaler (medians of ${RUNS} runs, production server, SQLite)`);
    line(`metrics ingestion, ${CONCURRENCY} callers, ${BATCH}-point batches`, median(throughput).toFixed(0), "points/s  target >= 5000");
    line(`one ${BATCH}-point batch, end to end`, median(latency).toFixed(1), "ms");
  } finally {
    await server.stop();
  }
  const tick = await benchAutoscalerTick();
  line("one tick, 1,000 clusters due, all holding", tick.holding.toFixed(1), "ms  target < 1000");
  line("one tick, 1,000 clusters due, 20 of them scaling 3 -> 6", tick.scaling.toFixed(1), "ms  target < 1000");
}

await main();
