// The sign-in lockout with two guards standing for two console processes on one shared store:
// failures counted through either lock the email on both, on Redis and on PostgreSQL.
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { afterAll, describe, expect, it } from "vitest";
import { createSignInGuard } from "@/lib/auth/sign-in-guard";
import { env } from "@/lib/env";
import { closeLimiterStore, type LimiterStore, openLimiterStore } from "@/lib/rate-limit-store";
import { createBudgetStoreDatabase } from "@/lib/test/budget-store-database";

const REDIS_URL = process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";

const opened: LimiterStore[] = [];
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  await Promise.all(opened.map(closeLimiterStore));
  await Promise.all(cleanups.map((cleanup) => cleanup()));
});

async function twoProcesses(urls: { redisUrl?: string; databaseUrl: string }): Promise<[LimiterStore, LimiterStore]> {
  const stores = [openLimiterStore(urls), openLimiterStore(urls)] as [LimiterStore, LimiterStore];
  opened.push(...stores);
  for (const store of stores)
    if (store.kind === "redis" && store.client.status !== "ready")
      await once(store.client, "ready", { signal: AbortSignal.timeout(5_000) });
  return stores;
}

async function expectSharedLockout([first, second]: [LimiterStore, LimiterStore]) {
  const prefix = `test-signin-${randomUUID()}`;
  const guards = [createSignInGuard(first, prefix), createSignInGuard(second, prefix)];
  const email = "Target@Example.com";
  const locks: boolean[] = [];
  for (let failure = 0; failure < env.SIGNIN_MAX_FAILURES; failure++)
    locks.push(await guards[failure % 2]!.recordSignInFailure(email, `10.0.0.${failure}`));
  expect(locks).toEqual([...Array(env.SIGNIN_MAX_FAILURES - 1).fill(false), true]);
  for (const guard of guards) {
    const lockout = await guard.currentLockout("target@example.com", "10.9.9.9");
    expect(lockout?.retryAfterSeconds).toBeGreaterThan(env.SIGNIN_LOCKOUT_SECONDS - 5);
  }
  expect(await guards[0]!.currentLockout("other@example.com", "10.9.9.9")).toBeNull();
}

describe("the sign-in lockout across two processes", () => {
  it("holds on both when they count on Redis", async () => {
    await expectSharedLockout(await twoProcesses({ redisUrl: REDIS_URL, databaseUrl: "file:x.db" }));
  });

  it("holds on both when they count on PostgreSQL", async () => {
    const database = await createBudgetStoreDatabase();
    cleanups.push(database.drop);
    await expectSharedLockout(await twoProcesses({ databaseUrl: database.url }));
  });

  it("clears for an email after a successful sign-in through either", async () => {
    const [first, second] = await twoProcesses({ redisUrl: REDIS_URL, databaseUrl: "file:x.db" });
    const prefix = `test-signin-${randomUUID()}`;
    const [one, other] = [createSignInGuard(first, prefix), createSignInGuard(second, prefix)];
    for (let failure = 0; failure < env.SIGNIN_MAX_FAILURES - 1; failure++) await one.recordSignInFailure("someone@example.com", null);
    await other.clearSignInFailures("someone@example.com");
    expect(await one.recordSignInFailure("someone@example.com", null)).toBe(false);
    expect(await other.currentLockout("someone@example.com", null)).toBeNull();
  });
});
