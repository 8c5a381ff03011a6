// npm run simulate: drives the demo load profile (ramp up, plateau, drop to zero, demand returns)
// into the demo cluster as tasks, through the running console's API, and prints what the
// autoscaler does with the queue: it scales up on the backlog, back down as it drains, hibernates
// the idle cluster, and a task for the hibernated cluster wakes it. It creates the cluster from the
// autoscaler-demo-v1 example first if none exists; its policy reacts in seconds.
//
//   npm run simulate [-- --url http://localhost:3000] [--loop]
//
// CONSOLE_TOKEN authenticates it; without one it makes a day-long token for the first admin in
// the console's database (the same DATABASE_URL the console uses).
import { parseArgs } from "node:util";
import type { ClusterView } from "../../lib/cluster/api-schema";
import { dataOf, scriptClient } from "../../lib/client/api-client";
import { DEMO_PROFILE, DEMO_TASK_MS, loadAt, profileSeconds, taskRate } from "./load-profile";

const SUBMIT_EVERY_MS = 1_000;
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
  const cluster = await demoCluster(api);
  console.log(
    `submitting ${DEMO_TASK_MS / 1000} s tasks to "${cluster.name}" through ${profileSeconds(DEMO_PROFILE)} s: ${DEMO_PROFILE.map((phase) => `${phase.name} ${phase.seconds} s`).join(", ")}`,
  );
  console.log(`watch it at ${base}/clusters/${cluster.id}?tab=tasks\n`);

  const started = Date.now();
  let lastReport = 0;
  let owed = 0;
  let submitted = 0;
  for (;;) {
    const elapsed = (Date.now() - started) / 1000;
    if (!values.loop && elapsed > profileSeconds(DEMO_PROFILE)) break;
    const { phase, load } = loadAt(DEMO_PROFILE, elapsed % profileSeconds(DEMO_PROFILE));
    // Whole tasks only: the fraction of a task is owed to the next second.
    owed += (taskRate(cluster.max_workers, load) * SUBMIT_EVERY_MS) / 1000;
    const count = Math.floor(owed);
    owed -= count;
    if (count > 0) {
      await dataOf(
        api.POST("/api/clusters/{id}/tasks", {
          params: { path: { id: cluster.id } },
          body: {
            tasks: Array.from({ length: count }, (_, index) => ({
              input: { ticket: submitted + index + 1, duration_ms: DEMO_TASK_MS },
              timeout_s: 60,
            })),
          },
        }),
      ).then(
        () => (submitted += count),
        (error: Error) => console.error(`submitting ${count} tasks: ${error.message}`),
      );
    }
    if (Date.now() - lastReport >= REPORT_EVERY_MS) {
      lastReport = Date.now();
      const now = await dataOf(api.GET("/api/clusters/{id}", { params: { path: { id: cluster.id } } }));
      console.log(
        `${String(Math.round(elapsed)).padStart(4)} s  ${phase.padEnd(14)} load ${load.toFixed(2)}  ${now.status.padEnd(10)} ${String(now.current_workers).padStart(3)} workers  ${String(now.tasks.queued).padStart(4)} queued  ${String(now.tasks.running).padStart(3)} running  ${submitted} submitted`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, SUBMIT_EVERY_MS));
  }
  console.log("\nthe profile has run; the cluster's Tasks tab lists every task, its activity timeline each autoscaler decision");
}

/** The demo cluster, created from the example when there is none. */
async function demoCluster(api: ReturnType<typeof scriptClient>): Promise<ClusterView> {
  const clusters = (await dataOf(api.GET("/api/clusters", { params: { query: { blueprint_id: DEMO_BLUEPRINT, page_size: 100 } } }))).items;
  const existing = clusters.find((cluster) => cluster.status === "active" || cluster.status === "hibernated");
  if (existing) return existing;
  const created = await dataOf(
    api.POST("/api/clusters", {
      body: { blueprint_id: DEMO_BLUEPRINT, name: "Autoscaler demo", description: "Created by npm run simulate" },
    }),
  );
  if ("valid" in created) throw new Error("the console planned the demo cluster instead of creating it");
  console.log(`created the cluster "Autoscaler demo" from ${DEMO_BLUEPRINT}`);
  return created;
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
