// The console instances sharing a PostgreSQL database, known by their heartbeats: who is alive
// decides whose agents are left alone and whose are taken over (an agent's row names the instance
// that runs it, agents.runtime_owner). An instance not seen for INSTANCE_STALE_MS is taken for dead.
// Times are each instance's own clock, as the autoscaler lease's are; clocks kept by NTP agree to
// far less than that margin.
//
// On SQLite one process owns the database: nothing is recorded, and every runtime owner but the
// asking runtime itself counts as gone (a restarted console takes over all its agents at once).
import { hostname } from "node:os";
import { db } from "@/lib/db";
import { isPostgres } from "@/lib/db/dialect";
import { logger } from "@/lib/logger";

export const INSTANCE_HEARTBEAT_MS = 3_000;
/** Five missed heartbeats: long enough that a busy instance is never taken for dead. */
export const INSTANCE_STALE_MS = 15_000;
/** Rows of instances gone this long are deleted; until then they tell who ran the console lately. */
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

/** Records that `instanceId` is alive now (its first call registers it). */
export async function recordInstanceHeartbeat(instanceId: string, now = new Date()): Promise<void> {
  await db.consoleInstance.upsert({
    where: { id: instanceId },
    create: { id: instanceId, host: `${hostname()}:${process.pid}`, startedAt: now, seenAt: now },
    update: { seenAt: now },
  });
}

/** The instances seen within INSTANCE_STALE_MS; always empty on SQLite. */
export async function liveInstanceIds(now = Date.now()): Promise<Set<string>> {
  if (!isPostgres) return new Set();
  const rows = await db.consoleInstance.findMany({ where: { seenAt: { gte: new Date(now - INSTANCE_STALE_MS) } }, select: { id: true } });
  return new Set(rows.map((row) => row.id));
}

export interface InstanceHeartbeat {
  stop(): Promise<void>;
}

/**
 * Registers the instance and keeps its heartbeat going (PostgreSQL only); also forgets instances
 * gone for a day. Resolves once the first heartbeat is written, before the instance owns any agent.
 */
export async function startInstanceHeartbeat(instanceId: string, everyMs = INSTANCE_HEARTBEAT_MS): Promise<InstanceHeartbeat> {
  if (!isPostgres) return { stop: async () => {} };
  await recordInstanceHeartbeat(instanceId);
  let beating: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    beating = recordInstanceHeartbeat(instanceId)
      .then(() => db.consoleInstance.deleteMany({ where: { seenAt: { lt: new Date(Date.now() - FORGET_AFTER_MS) } } }))
      .catch((error: unknown) =>
        logger.warn({ err: error }, "the instance heartbeat was not written; other instances may take this one's agents over"),
      );
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await beating;
      await db.consoleInstance.deleteMany({ where: { id: instanceId } });
    },
  };
}
