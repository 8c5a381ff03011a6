// Advisory locks held across transactions on their own connections: bounded waits, try-only
// acquisition, and a lock that goes with its session when the holder's process dies.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { acquireAdvisoryLock, advisoryLockKey } from "./advisory-lock";
import { isPostgres } from "./dialect";

describe("advisoryLockKey", () => {
  it("is a signed 64-bit number, the same for the same id, different per namespace and id", () => {
    const key = advisoryLockKey("cluster", "c-1");
    expect(BigInt(key)).toBeGreaterThanOrEqual(-(2n ** 63n));
    expect(BigInt(key)).toBeLessThan(2n ** 63n);
    expect(advisoryLockKey("cluster", "c-1")).toBe(key);
    expect(advisoryLockKey("other", "c-1")).not.toBe(key);
    expect(advisoryLockKey("cluster", "c-2")).not.toBe(key);
  });
});

describe.runIf(isPostgres)("acquireAdvisoryLock", () => {
  const uniqueKey = () => advisoryLockKey("test", crypto.randomUUID());

  it("gives a held lock to nobody else: a waiter gives up after its wait, a try-only caller at once", async () => {
    const key = uniqueKey();
    const held = (await acquireAdvisoryLock(key, 1_000))!;
    expect(held).not.toBeNull();

    const started = Date.now();
    expect(await acquireAdvisoryLock(key, 300)).toBeNull();
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(250);
    expect(waited).toBeLessThan(3_000);

    const tried = Date.now();
    expect(await acquireAdvisoryLock(key, 0)).toBeNull();
    expect(Date.now() - tried).toBeLessThan(1_000);

    await held.release();
    const next = await acquireAdvisoryLock(key, 0);
    expect(next).not.toBeNull();
    await next!.release();
  });

  it("hands the lock to a waiter as soon as the holder releases it", async () => {
    const key = uniqueKey();
    const held = (await acquireAdvisoryLock(key, 1_000))!;
    const waiting = acquireAdvisoryLock(key, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await held.release();
    const next = await waiting;
    expect(next).not.toBeNull();
    await next!.release();
  });

  it("is released with its session when the holder's connection dies, as when its process is killed", async () => {
    const key = uniqueKey();
    await acquireAdvisoryLock(key, 1_000);
    const holders = await db.$queryRaw<Array<{ pid: number }>>`
      SELECT pid FROM pg_locks
      WHERE locktype = 'advisory' AND granted AND ((classid::bigint << 32) | objid::bigint) = ${BigInt(key)}`;
    expect(holders).toHaveLength(1);
    await db.$queryRaw`SELECT pg_terminate_backend(${holders[0]!.pid})`;

    await expect
      .poll(async () => (await acquireAdvisoryLock(key, 0).then((lock) => lock?.release().then(() => true))) ?? false, {
        timeout: 5_000,
      })
      .toBe(true);
  });
});
