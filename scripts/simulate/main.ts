// npm run simulate: drives the demo load profile (ramp up, plateau, drop to zero, demand returns)
// into every cluster whose blueprint has a scaling policy, through the running console's API, and
// prints what the autoscaler does. It creates a cluster from the autoscaler-demo-v1 example first
// if none exists: its policy reacts in seconds, so hibernation and waking show within minutes.
//
//   npm run simulate [-- --url http://localhost:3000] [--loop]
//
// CONSOLE_TOKEN authenticates it; without one it makes a day-long token for the first admin in
// the console's database (the same DATABASE_URL the console uses).
import { parseArgs } from "node:util";
import type { AutoscalerView } from "../../lib/autoscaler/api-schema";
import type { ClusterView } from "../../lib/cluster/api-schema";
import { dataOf, scriptClient } from "../../lib/client/api-client";
import { DEMO_PROFILE, loadAt, metricValue, profileSeconds } from "./load-profile";

const POST_EVERY_MS = 2_000;
const REPORT_EVERY_MS = 5_000;
const DEMO_BLUEPRINT = "autoscaler-demo-v1";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: process.env.CONSOLE_URL ?? "http://localhost:3000" },
    loop: { type: "boolean", default: false },
  },
});
const base = values.url!.replace(/\/$/, "");

async function main(): Promise<void> {
  const api = scriptClient(base, process.env.CONSOLE_TOKEN ?? (await adminToken()));

  const clusters: ClusterView[] = (await dataOf(api.GET("/api/clusters", { params: { query: { page_size: 100 } } }))).items;
  if (!clusters.some((cluster) => cluster.blueprint_id === DEMO_BLUEPRINT)) {
    const created = await dataOf(
      api.POST("/api/clusters", {
        body: { blueprint_id: DEMO_BLUEPRINT, name: "Autoscaler demo", description: "Created by npm run simulate" },
      }),
    );
    if ("valid" in created) throw new Error("the console planned the demo cluster instead of creating it");
    clusters.push(created);
    console.log(`created the cluster "Autoscaler demo" from ${DEMO_BLUEPRINT}`);
  }
  const driven: Array<{ cluster: ClusterView; policy: NonNullable<AutoscalerView["policy"]> }> = [];
  for (const cluster of clusters) {
    const { policy } = await dataOf(api.GET("/api/clusters/{id}/autoscaler", { params: { path: { id: cluster.id } } }));
    if (policy && (cluster.status === "active" || cluster.status === "hibernated")) driven.push({ cluster, policy });
  }
  console.log(
    `driving ${driven.length} cluster(s) through ${profileSeconds(DEMO_PROFILE)} s: ${DEMO_PROFILE.map((phase) => `${phase.name} ${phase.seconds} s`).join(", ")}`,
  );
  console.log(`watch them at ${base}/clusters\n`);

  const started = Date.now();
  let lastReport = 0;
  for (;;) {
    const elapsed = (Date.now() - started) / 1000;
    if (!values.loop && elapsed > profileSeconds(DEMO_PROFILE)) break;
    const { phase, load } = loadAt(DEMO_PROFILE, elapsed % profileSeconds(DEMO_PROFILE));
    await Promise.all(
      driven.map(({ cluster, policy }) =>
        dataOf(
          api.POST("/api/clusters/{id}/metrics", {
            params: { path: { id: cluster.id } },
            body: { points: [{ name: policy.metric, value: metricValue(policy, cluster.max_workers, load) }] },
          }),
        ).catch((error: Error) => console.error(`posting ${policy.metric} to ${cluster.name}: ${error.message}`)),
      ),
    );
    if (Date.now() - lastReport >= REPORT_EVERY_MS) {
      lastReport = Date.now();
      const rows = await Promise.all(
        driven.map(async ({ cluster, policy }) => ({
          now: await dataOf(api.GET("/api/clusters/{id}", { params: { path: { id: cluster.id } } })),
          policy,
        })),
      );
      console.log(`${String(Math.round(elapsed)).padStart(4)} s  ${phase.padEnd(14)} load ${load.toFixed(2)}`);
      for (const { now, policy } of rows)
        console.log(
          `        ${now.name.padEnd(32)} ${now.status.padEnd(10)} ${String(now.current_workers).padStart(3)} workers  ${policy.metric} ${metricValue(policy, now.max_workers, load)}`,
        );
    }
    await new Promise((resolve) => setTimeout(resolve, POST_EVERY_MS));
  }
  console.log("\nthe profile has run; the clusters' activity timelines show each decision and its reason");
}

async function adminToken(): Promise<string> {
  const { db } = await import("../../lib/db");
  const { createToken } = await import("../../lib/auth/create-token");
  const { systemAudit } = await import("../../lib/audit/audit-context");
  const admin = await db.user.findFirst({ where: { role: "admin", disabledAt: null }, orderBy: { createdAt: "asc" } });
  if (!admin) throw new Error("no admin exists yet: start the console (npm run console) and create one, or set CONSOLE_TOKEN");
  const created = await createToken(
    admin,
    { name: "npm run simulate", expires_at: new Date(Date.now() + 86_400_000).toISOString() },
    { audit: systemAudit("npm run simulate") },
  );
  await db.$disconnect();
  return created.token;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
