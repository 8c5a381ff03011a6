// Where request budgets and sign-in failures are counted, chosen once at start: Redis when
// REDIS_URL is set, else the PostgreSQL database when DATABASE_URL names one (both shared by every
// console instance), else this process's memory (SQLite: one instance owns the database).
//
// A shared store that does not answer within a second never fails a request: each limiter has an
// in-memory twin with the same budget (rate-limiter-flexible's insurance limiter) that counts
// alone until the store is back, so budgets then hold per instance instead of across them.
import { Redis } from "ioredis";
import pg from "pg";
import {
  type IRateLimiterOptions,
  RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
} from "rate-limiter-flexible";
import { env } from "./env";
import { logger } from "./logger";
import { providerOfUrl } from "./db/database-url.mjs";

export type LimiterStore = { kind: "memory" } | { kind: "redis"; client: Redis } | { kind: "postgresql"; pool: pg.Pool };

/** The table of the PostgreSQL store, created by the PostgreSQL migrations (the console needs no DDL right at run time). */
const RATE_LIMIT_TABLE = "rate_limits";
/** A store slower than this counts as down for that call: the memory twin answers instead. */
const STORE_TIMEOUT_MS = 1_000;

type LimiterOptions = Required<Pick<IRateLimiterOptions, "keyPrefix" | "points" | "duration">> & Pick<IRateLimiterOptions, "blockDuration">;

/** A limiter counting in `store`. */
export function createLimiter(store: LimiterStore, options: LimiterOptions): RateLimiterAbstract {
  if (store.kind === "memory") return new RateLimiterMemory(options);
  const shared = {
    ...options,
    insuranceLimiter: new RateLimiterMemory(options),
    // A spent key is refused from memory until its window ends: a caller hammering past its budget costs the store nothing.
    inMemoryBlockOnConsumed: options.points,
  };
  if (store.kind === "redis") return new RateLimiterRedis({ ...shared, storeClient: store.client, rejectIfRedisNotReady: true });
  return new RateLimiterPostgres({
    ...shared,
    storeClient: store.pool,
    storeType: "pool",
    tableName: RATE_LIMIT_TABLE,
    tableCreated: true,
  });
}

/** Opens the store the URLs name: Redis for `redisUrl`, else PostgreSQL for a postgresql:// `databaseUrl`, else memory. */
export function openLimiterStore(urls: { redisUrl?: string; databaseUrl: string }): LimiterStore {
  if (urls.redisUrl) return { kind: "redis", client: openRedis(urls.redisUrl) };
  if (providerOfUrl(urls.databaseUrl) === "postgresql") return { kind: "postgresql", pool: openPool(urls.databaseUrl) };
  return { kind: "memory" };
}

export async function closeLimiterStore(store: LimiterStore): Promise<void> {
  if (store.kind === "redis") store.client.disconnect();
  if (store.kind === "postgresql") await store.pool.end();
}

function openRedis(url: string): Redis {
  const client = new Redis(url, {
    // Fail at once while disconnected rather than queue: the memory twin answers meanwhile.
    enableOfflineQueue: false,
    commandTimeout: STORE_TIMEOUT_MS,
    connectTimeout: STORE_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: (attempt) => Math.min(attempt * 250, 5_000),
  });
  reportOutages(client, "Redis");
  return client;
}

function openPool(url: string): pg.Pool {
  // Its own few connections: budgets are counted on every request and must not wait behind Prisma's queries.
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    application_name: "cluster-console-budgets",
    connectionTimeoutMillis: STORE_TIMEOUT_MS,
    query_timeout: STORE_TIMEOUT_MS,
    // A count lost in a database crash costs nothing; waiting for the disk on every request's count would.
    options: "-c synchronous_commit=off",
  });
  // An idle connection's error is emitted on the pool; unheard, it would stop the process.
  pool.on("error", (error) => logger.warn({ err: error }, "a connection of the budget store to PostgreSQL failed"));
  // Failed calls fall back to memory without a word, so say once at start when the table is missing.
  pool
    .query(`SELECT 1 FROM "${RATE_LIMIT_TABLE}" LIMIT 0`)
    .catch((error: unknown) =>
      logger.warn({ err: error }, `budgets are counted per instance: the "${RATE_LIMIT_TABLE}" table cannot be read (npm run db:migrate)`),
    );
  return pool;
}

/** One line when the store goes away and one when it is back, not one per failed call. */
function reportOutages(client: Redis, name: string): void {
  let down = false;
  client.on("error", (error: Error) => {
    if (down) return;
    down = true;
    logger.warn({ err: error }, `the budget store (${name}) does not answer; each instance counts budgets alone until it is back`);
  });
  client.on("ready", () => {
    if (down) logger.info(`the budget store (${name}) answers again`);
    down = false;
  });
}

// One store per process, opened at first use (not while Next.js builds), shared by the bundles.
const globalForStore = globalThis as unknown as { limiterStore?: LimiterStore };

/** The process's store, from REDIS_URL and DATABASE_URL. */
export function limiterStore(): LimiterStore {
  return (globalForStore.limiterStore ??= openLimiterStore({ redisUrl: env.REDIS_URL, databaseUrl: env.DATABASE_URL }));
}
