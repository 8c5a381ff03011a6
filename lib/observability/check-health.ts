// checkHealth: what a load balancer's probe learns about this instance. Probes come every few
// seconds from every balancer and need no credentials, so one check serves all the calls of a
// short window (they share the one in flight, then its answer): hammering the route costs the
// database nothing more.
import { readMigrationStatus } from "@/lib/db/migration-status";
import { instanceId } from "@/lib/instance-id";
import { version } from "@/package.json";
import type { Health } from "./api-schema";

/** How long one check's answer is reused. */
const REUSE_MS = 2_000;
/** A database slower than this counts as unreachable: the probe must answer before the balancer gives up. */
const DATABASE_TIMEOUT_MS = 2_000;

let latest: { health: Promise<Health>; at: number } | undefined;

export function checkHealth(now = Date.now()): Promise<Health> {
  if (!latest || now - latest.at >= REUSE_MS) latest = { health: runCheck(), at: now };
  return latest.health;
}

async function runCheck(): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("the database did not answer in time")), DATABASE_TIMEOUT_MS);
  });
  const migrations = await Promise.race([readMigrationStatus(), timeout])
    .catch(() => null)
    .finally(() => clearTimeout(timer));
  const database = migrations === null ? "unreachable" : "ok";
  return {
    status: migrations === "current" ? "ok" : "degraded",
    database,
    migrations: migrations ?? "unknown",
    instance: instanceId,
    version,
  };
}
