// The budget stores with two limiters standing for two console processes (each with its own
// connection): on Redis and on PostgreSQL they spend one budget; a store that does not answer
// falls back to counting in memory instead of failing the request.
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { RateLimiterRes } from "rate-limiter-flexible";
import { afterAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { closedPort } from "@/lib/test/closed-port";
import { createBudgetStoreDatabase } from "@/lib/test/budget-store-database";
import { closeLimiterStore, createLimiter, type LimiterStore, openLimiterStore } from "@/lib/rate-limit-store";

const REDIS_URL = process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";

const opened: LimiterStore[] = [];
const open = (urls: { redisUrl?: string; databaseUrl: string }) => {
  const store = openLimiterStore(urls);
  opened.push(store);
  return store;
};
/** Until Redis is connected the memory twin counts: the server opens its store at start for that reason. */
const connected = async (store: LimiterStore) => {
  if (store.kind === "redis" && store.client.status !== "ready") await once(store.client, "ready", { signal: AbortSignal.timeout(5_000) });
  return store;
};
afterAll(() => Promise.all(opened.map(closeLimiterStore)));

/** Consumes once; the remaining points, or "refused". */
const spend = async (limiter: ReturnType<typeof createLimiter>, key: string) => {
  try {
    return (await limiter.consume(key)).remainingPoints;
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) return "refused";
    throw refusal;
  }
};

/** Two processes' limiters on one budget of 3 a minute: together they allow three calls, then refuse on both. */
async function expectOneBudget(first: LimiterStore, second: LimiterStore) {
  const options = { keyPrefix: `test-${randomUUID()}`, points: 3, duration: 60 };
  const [a, b] = [createLimiter(first, options), createLimiter(second, options)];
  expect([await spend(a, "caller"), await spend(b, "caller"), await spend(a, "caller")]).toEqual([2, 1, 0]);
  expect([await spend(b, "caller"), await spend(a, "caller")]).toEqual(["refused", "refused"]);
  // Another caller has its own budget.
  expect(await spend(b, "someone else")).toBe(2);
}

describe("the budget store", () => {
  it("takes a redis:// or rediss:// REDIS_URL and nothing else", () => {
    expect(parseEnv({ REDIS_URL: "redis://127.0.0.1:6379" }).REDIS_URL).toBe("redis://127.0.0.1:6379");
    expect(parseEnv({ REDIS_URL: "rediss://cache.example.com:6380/2" }).REDIS_URL).toBe("rediss://cache.example.com:6380/2");
    for (const url of ["http://127.0.0.1:6379", "127.0.0.1:6379"])
      expect(() => parseEnv({ REDIS_URL: url }), url).toThrow(/REDIS_URL must be/);
  });

  it("is memory on SQLite, without REDIS_URL", () => {
    expect(openLimiterStore({ databaseUrl: "file:./data/console.db" }).kind).toBe("memory");
  });

  it("is Redis whenever REDIS_URL is set, and one budget across two processes there", async () => {
    const [first, second] = await Promise.all([
      connected(open({ redisUrl: REDIS_URL, databaseUrl: "file:x.db" })),
      connected(open({ redisUrl: REDIS_URL, databaseUrl: "file:x.db" })),
    ]);
    expect(first.kind).toBe("redis");
    await expectOneBudget(first, second);
  });

  describe("on PostgreSQL", () => {
    const databases: Array<Awaited<ReturnType<typeof createBudgetStoreDatabase>>> = [];
    afterAll(async () => {
      const pools = opened.filter((store) => store.kind === "postgresql");
      await Promise.all(pools.map(closeLimiterStore));
      opened.splice(0, opened.length, ...opened.filter((store) => store.kind !== "postgresql"));
      await Promise.all(databases.map((database) => database.drop()));
    });

    it("is one budget across two processes", async () => {
      const database = await createBudgetStoreDatabase();
      databases.push(database);
      const [first, second] = [open({ databaseUrl: database.url }), open({ databaseUrl: database.url })];
      expect(first.kind).toBe("postgresql");
      await expectOneBudget(first, second);
      // Counts need not wait for the disk.
      if (first.kind === "postgresql")
        expect((await first.pool.query("SHOW synchronous_commit")).rows[0]).toEqual({ synchronous_commit: "off" });
    });

    it("counts in memory while its table is missing, never failing a call", async () => {
      const database = await createBudgetStoreDatabase({ withTable: false });
      databases.push(database);
      const limiter = createLimiter(open({ databaseUrl: database.url }), { keyPrefix: `test-${randomUUID()}`, points: 2, duration: 60 });
      expect([await spend(limiter, "caller"), await spend(limiter, "caller"), await spend(limiter, "caller")]).toEqual([1, 0, "refused"]);
    });
  });

  it("counts in memory while Redis does not answer, never failing a call", async () => {
    const store = open({ redisUrl: `redis://127.0.0.1:${await closedPort()}`, databaseUrl: "file:x.db" });
    const limiter = createLimiter(store, { keyPrefix: `test-${randomUUID()}`, points: 2, duration: 60 });
    const started = performance.now();
    expect([await spend(limiter, "caller"), await spend(limiter, "caller"), await spend(limiter, "caller")]).toEqual([1, 0, "refused"]);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
