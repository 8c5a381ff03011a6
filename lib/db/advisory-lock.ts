// PostgreSQL session-level advisory locks that outlive a transaction: a cluster action spans several
// transactions and runtime calls, so each held lock keeps one connection of a small pool of its own
// (outside Prisma's) until it is released. A process that dies releases its locks with its sessions.
//
// Keys are 64-bit: the first eight bytes of SHA-256 over "<namespace>:<id>", so two uses never share
// keys by construction and a collision (two ids serialised together, nothing worse) is out of reach.
import { createHash } from "node:crypto";
import pg from "pg";

import { env } from "../env";
import { logger } from "../logger";

/** Connections for held locks per process: one per cluster acting at the same moment in this process. */
const LOCK_POOL_SIZE = 10;
/** Even a caller that will not wait for the lock waits this long for a connection to ask with. */
const MIN_CHECKOUT_MS = 5_000;
/** PostgreSQL's SQLSTATE for a lock wait that ran past lock_timeout. */
const LOCK_NOT_AVAILABLE = "55P03";

export interface HeldAdvisoryLock {
  release(): Promise<void>;
}

/** The lock key of `id` in `namespace`, as the signed 64-bit decimal PostgreSQL's bigint takes. */
export function advisoryLockKey(namespace: string, id: string): string {
  return createHash("sha256").update(`${namespace}:${id}`).digest().readBigInt64BE(0).toString();
}

// One pool per process, shared by the bundles Next.js loads (instrumentation, routes).
const globalForLocks = globalThis as unknown as { advisoryLockPool?: pg.Pool };

function lockPool(): pg.Pool {
  if (!globalForLocks.advisoryLockPool) {
    const pool = new pg.Pool({
      connectionString: env.DATABASE_URL,
      max: LOCK_POOL_SIZE,
      idleTimeoutMillis: 30_000,
      allowExitOnIdle: true,
      application_name: "cluster-console-locks",
    });
    // An idle connection that breaks is dropped by the pool; without a listener the error would end the process.
    pool.on("error", (error) => logger.warn({ err: error }, "an idle advisory-lock connection to PostgreSQL failed"));
    globalForLocks.advisoryLockPool = pool;
  }
  return globalForLocks.advisoryLockPool;
}

/**
 * Takes the lock `key`, waiting at most `waitMs` for a connection and the lock together (0: only if
 * it is free now). Resolves to null when it could not be had in time.
 */
export async function acquireAdvisoryLock(key: string, waitMs: number): Promise<HeldAdvisoryLock | null> {
  const deadline = Date.now() + waitMs;
  const client = await checkout(lockPool(), waitMs);
  if (!client) return null;
  // A held connection that breaks (the server restarted, the database was dropped) loses the lock;
  // the action finishes anyway, and the error must not end the process. The pool drops the connection.
  let returned = false;
  const giveBack = (error?: Error) => {
    if (returned) return;
    returned = true;
    client.off("error", onError);
    client.release(error);
  };
  const onError = (error: Error) => {
    logger.warn({ err: error, key }, "the connection holding an advisory lock failed; the lock is gone");
    giveBack(error);
  };
  client.on("error", onError);
  try {
    const remaining = deadline - Date.now();
    const taken =
      remaining <= 0
        ? (await client.query<{ taken: boolean }>("SELECT pg_try_advisory_lock($1) AS taken", [key])).rows[0]!.taken
        : await lockWithin(client, key, remaining);
    if (!taken) {
      giveBack();
      return null;
    }
  } catch (error) {
    giveBack(error as Error);
    throw error;
  }
  return {
    async release() {
      if (returned) return;
      try {
        await client.query("SELECT pg_advisory_unlock($1)", [key]);
        giveBack();
      } catch (error) {
        // Closing the session releases whatever it still holds.
        giveBack(error as Error);
      }
    },
  };
}

/** Closes the pool once every held lock is released (tests, shutdown). */
export async function closeAdvisoryLocks(): Promise<void> {
  const pool = globalForLocks.advisoryLockPool;
  globalForLocks.advisoryLockPool = undefined;
  await pool?.end();
}

async function lockWithin(client: pg.PoolClient, key: string, waitMs: number): Promise<boolean> {
  // lock_timeout stays set on the session; every acquisition sets its own before waiting.
  await client.query("SELECT set_config('lock_timeout', $1, false)", [`${Math.max(1, Math.ceil(waitMs))}ms`]);
  try {
    await client.query("SELECT pg_advisory_lock($1)", [key]);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === LOCK_NOT_AVAILABLE) return false;
    throw error;
  }
}

/** A connection within `waitMs` (a connection is at least tried for when that is 0), or null. */
async function checkout(pool: pg.Pool, waitMs: number): Promise<pg.PoolClient | null> {
  const connecting = pool.connect();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), Math.max(waitMs, MIN_CHECKOUT_MS));
  });
  try {
    const client = await Promise.race([connecting, timedOut]);
    // A connection that arrives after the caller gave up goes straight back.
    if (!client)
      connecting.then(
        (late) => late.release(),
        () => {},
      );
    return client;
  } finally {
    clearTimeout(timer);
  }
}
