// One autoscaler tick over 1,000 clusters, in process on a fresh SQLite file: every cluster due,
// each with a fresh posted queue_depth (which stands over the one computed from its tasks: none
// here, yet the tick computes all four task metrics of every cluster). Two cases: all holding
// (each decision's reason new, so every cluster's timeline entry is rewritten), and 20 of them
// scaling 3 -> 6 through scaleCluster.
import { withBenchDatabase } from "./bench-database";
import { median } from "./median";

const CLUSTERS = 1000;
const SCALING = 20;
const RUNS = 5;

export async function benchAutoscalerTick(): Promise<{ holding: number; scaling: number }> {
  return withBenchDatabase("tick", async () => {
    // Imported only now, inside the bench database.
    const { db } = await import("@/lib/db");
    const { systemAudit } = await import("@/lib/audit/audit-context");
    const { importExampleBlueprints } = await import("@/lib/blueprint/import-example-blueprints");
    const { createCluster } = await import("@/lib/cluster/create-cluster");
    const { storeMetricPoints } = await import("@/lib/metrics/store-points");
    const { runAutoscalerTick } = await import("@/lib/autoscaler/run-tick");
    const { LocalAgentRuntime } = await import("@/lib/runtime/local-runtime");

    const runtime = new LocalAgentRuntime();
    const audit = systemAudit("bench");
    await importExampleBlueprints("blueprints");
    const ids: string[] = [];
    for (let index = 0; index < CLUSTERS; index++)
      ids.push((await createCluster({ blueprint_id: "marketing-v1", name: `Tick bench ${index}` }, { runtime, audit })).id);
    // Old enough that the scale-down window no longer holds a new cluster at its starting size.
    await db.cluster.updateMany({ data: { startedAt: new Date(Date.now() - 3600_000) } });

    const tick = async (queueDepth: (id: string, index: number) => number) => {
      const now = Date.now();
      await db.$transaction((tx) =>
        storeMetricPoints(
          tx,
          ids.map((clusterId, index) => ({ clusterId, name: "queue_depth", value: queueDepth(clusterId, index), ts: now })),
          { origin: "posted" },
        ),
      );
      await db.autoscalerState.updateMany({ data: { nextEvaluationAt: 0 } });
      const result = await runAutoscalerTick(runtime, now);
      if (result.evaluated !== CLUSTERS) throw new Error(`the tick evaluated ${result.evaluated} clusters, not ${CLUSTERS}`);
      return result;
    };
    await tick(() => 30);

    const holding: number[] = [];
    const scaling: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      // 3 workers at 10 per worker: 30 plus a little is inside the tolerance, with a new reason each run.
      const steady = await tick(() => 30 + run / 10);
      if (steady.changed !== 0) throw new Error(`a steady tick changed ${steady.changed} clusters`);
      holding.push(steady.ms);
      const busy = new Set(ids.slice(run * SCALING, (run + 1) * SCALING));
      const scaled = await tick((id) => (busy.has(id) ? 60 : 30 + run / 10));
      if (scaled.changed !== SCALING) throw new Error(`expected ${SCALING} clusters to scale, ${scaled.changed} did`);
      scaling.push(scaled.ms);
    }
    await db.$disconnect();
    return { holding: median(holding), scaling: median(scaling) };
  });
}
