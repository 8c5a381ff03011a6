// Budgets spent in blocks on the real shared stores, with two spenders standing for two console
// instances (each with its own connection): the store is asked once per block, the headers still
// count down by one, together they never admit more than the budget and refuse at most a block
// short of it, concurrent requests take one block, and a block ends with the store's window.
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import { RateLimiterRes } from "rate-limiter-flexible";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBudgetStoreDatabase } from "@/lib/test/budget-store-database";
import { BlockSpender, blockSizeFor, type PointSpender, spendInBlocks } from "./rate-limit-blocks";
import { closeLimiterStore, createLimiter, type LimiterStore, openLimiterStore } from "./rate-limit-store";

const REDIS_URL = process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";

/** Spends one point; the remaining points, or "refused". */
const spend = async (spender: PointSpender, key: string): Promise<number | "refused"> => {
  try {
    return (await spender.consume(key)).remainingPoints;
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) return "refused";
    throw refusal;
  }
};

describe("blockSizeFor", () => {
  it("is a hundredth of the budget, at least 1 and at most 100", () => {
    expect([1, 60, 199, 200, 600, 10_000, 100_000_000].map(blockSizeFor)).toEqual([1, 1, 1, 2, 6, 100, 100]);
  });

  it("leaves a budget too small for blocks to the store itself", () => {
    const limiter = createLimiter({ kind: "memory" }, { keyPrefix: "small", points: 120, duration: 60 });
    expect(spendInBlocks(limiter)).toBe(limiter);
    expect(spendInBlocks(createLimiter({ kind: "memory" }, { keyPrefix: "large", points: 600, duration: 60 }))).toBeInstanceOf(
      BlockSpender,
    );
  });
});

describe.each(["postgresql", "redis"] as const)("points spent in blocks on %s", (kind) => {
  const stores: LimiterStore[] = [];
  let drop = async () => {};
  let open: () => LimiterStore = () => {
    throw new Error("not ready");
  };
  beforeAll(async () => {
    if (kind === "postgresql") {
      const database = await createBudgetStoreDatabase();
      drop = database.drop;
      open = () => openLimiterStore({ databaseUrl: database.url });
    } else open = () => openLimiterStore({ redisUrl: REDIS_URL, databaseUrl: "file:x.db" });
  });
  afterAll(async () => {
    await Promise.all(stores.map(closeLimiterStore));
    await drop();
  });

  /** Two instances' spenders of one budget, and a plain limiter to read the store's count. */
  async function twoInstances(points: number, duration = 60) {
    const options = { keyPrefix: `blocks-${randomUUID()}`, points, duration };
    const opened = [open(), open(), open()];
    stores.push(...opened);
    for (const store of opened)
      if (store.kind === "redis" && store.client.status !== "ready")
        await once(store.client, "ready", { signal: AbortSignal.timeout(5_000) });
    const [first, second, reader] = opened.map((store) => createLimiter(store!, options));
    const counted = async (key: string) => (await reader!.get(key))?.consumedPoints ?? 0;
    return { first: new BlockSpender(first!, blockSizeFor(points)), second: new BlockSpender(second!, blockSizeFor(points)), counted };
  }

  it("asks the store once per block, while the headers count down one request at a time", async () => {
    const { first, counted } = await twoInstances(1_000);
    expect(first.blockSize).toBe(10);
    const remaining = [];
    for (let request = 0; request < 12; request++) remaining.push(await spend(first, "caller"));
    expect(remaining).toEqual([999, 998, 997, 996, 995, 994, 993, 992, 991, 990, 989, 988]);
    // Two blocks of ten taken for twelve requests.
    expect(await counted("caller")).toBe(20);
  });

  it("never admits more than the budget across instances, and refuses less than a block short of it", async () => {
    const { first, second, counted } = await twoInstances(300);
    let admitted = 0;
    const refusedBy = new Set<string>();
    for (let request = 0; refusedBy.size < 2 && request < 1_000; request++) {
      const [name, spender] = request % 3 === 0 ? ["second", second] : ["first", first];
      if ((await spend(spender, "caller")) === "refused") refusedBy.add(name);
      else admitted++;
    }
    expect(refusedBy).toEqual(new Set(["first", "second"]));
    expect(admitted).toBeLessThanOrEqual(300);
    expect(admitted).toBeGreaterThan(300 - blockSizeFor(300));
    expect(await counted("caller")).toBeGreaterThanOrEqual(admitted);
    // Another caller has its own budget.
    expect(await spend(second, "someone else")).toBe(299);
  });

  it("takes one block for concurrent requests, and refuses past the budget under concurrency too", async () => {
    const { first, counted } = await twoInstances(1_200);
    const answers = await Promise.all(Array.from({ length: 12 }, () => spend(first, "caller")));
    expect([...answers].sort((a, b) => Number(b) - Number(a))).toEqual(Array.from({ length: 12 }, (_, index) => 1_199 - index));
    expect(await counted("caller")).toBe(12);

    const { second } = await twoInstances(200);
    const burst = await Promise.all(Array.from({ length: 260 }, () => spend(second, "caller")));
    const admitted = burst.filter((answer) => answer !== "refused").length;
    expect(admitted).toBeLessThanOrEqual(200);
    expect(admitted).toBeGreaterThan(200 - blockSizeFor(200));
  });

  it("ends a block with the store's window and takes a fresh one in the next", async () => {
    const { first, counted } = await twoInstances(500, 1);
    expect(await spend(first, "caller")).toBe(499);
    await sleep(1_200);
    // The unspent four points of the last window are gone; a new window's block is taken.
    expect(await spend(first, "caller")).toBe(499);
    expect(await counted("caller")).toBe(5);
  });
});
