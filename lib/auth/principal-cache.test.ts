// The principal cache alone (lifetime, bound, races) and behind authenticateRequest on a real
// database: a cached caller is served without a read, and every change through the services takes
// effect on the next request.
import { setTimeout as sleep } from "node:timers/promises";
import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it } from "vitest";
import { authSecret } from "@/lib/auth/auth-secret";
import { createToken } from "@/lib/auth/create-token";
import { createUser } from "@/lib/auth/create-user";
import { authenticateRequest, SESSION_COOKIE } from "@/lib/auth/principal";
import { forgetPrincipals, PRINCIPAL_TTL_MS, PrincipalCache } from "@/lib/auth/principal-cache";
import { revokeToken } from "@/lib/auth/revoke-token";
import { updateUser } from "@/lib/auth/update-user";
import { db } from "@/lib/db";
import { UnauthenticatedError } from "@/lib/errors";
import { audit } from "@/lib/test/test-audit";

describe("PrincipalCache", () => {
  const counting = () => {
    const calls = { count: 0 };
    const resolve = async () => ({ principal: { n: ++calls.count } });
    return { calls, resolve };
  };

  it("answers a second lookup from memory, and looks again once the entry's lifetime is over", async () => {
    const cache = new PrincipalCache<{ n: number }>({ max: 10, ttlMs: 100 });
    const { calls, resolve } = counting();
    expect(await cache.get("a", resolve)).toEqual({ n: 1 });
    expect(await cache.get("a", resolve)).toEqual({ n: 1 });
    expect(calls.count).toBe(1);
    await sleep(150);
    expect(await cache.get("a", resolve)).toEqual({ n: 2 });
  });

  it("ends an entry at its `until` when that comes first, and keeps none already past it", async () => {
    const cache = new PrincipalCache<{ n: number }>({ max: 10, ttlMs: 10_000 });
    const { calls, resolve } = counting();
    const soon = async () => ({ ...(await resolve()), until: new Date(Date.now() + 80) });
    await cache.get("a", soon);
    await cache.get("a", soon);
    expect(calls.count).toBe(1);
    await sleep(120);
    await cache.get("a", soon);
    expect(calls.count).toBe(2);
    const past = async () => ({ ...(await resolve()), until: new Date(Date.now() - 1) });
    await cache.get("b", past);
    await cache.get("b", past);
    expect(calls.count).toBe(4);
  });

  it("holds at most `max` entries, dropping the least recently used", async () => {
    const cache = new PrincipalCache<{ n: number }>({ max: 3, ttlMs: 10_000 });
    const { calls, resolve } = counting();
    for (const key of ["a", "b", "c", "d", "e"]) await cache.get(key, resolve);
    expect(cache.size).toBe(3);
    await cache.get("e", resolve);
    expect(calls.count).toBe(5);
    await cache.get("a", resolve);
    expect(calls.count).toBe(6);
  });

  it("keeps no failure, and nothing a lookup read before a clear", async () => {
    const cache = new PrincipalCache<{ n: number }>({ max: 10, ttlMs: 10_000 });
    await expect(cache.get("a", () => Promise.reject(new UnauthenticatedError("no")))).rejects.toThrow("no");
    expect(cache.size).toBe(0);
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const lookup = cache.get("a", async () => {
      await gate;
      return { principal: { n: 1 } };
    });
    cache.clear();
    release();
    expect(await lookup).toEqual({ n: 1 });
    expect(cache.size).toBe(0);
  });
});

describe("authenticateRequest with the cache", () => {
  beforeEach(() => forgetPrincipals());

  const bearer = (token: string) => new Headers({ authorization: `Bearer ${token}` });
  const session = async (userId: string) =>
    new Headers({ cookie: `${SESSION_COOKIE}=${await encode({ token: { sub: userId }, secret: authSecret() })}` });
  const newCaller = async (name: string) => {
    const user = await createUser({ email: `${name}@cache.test`, password: `${name}-password`, role: "viewer" }, { audit });
    const { id, token } = await createToken(user, { name }, { audit });
    return { user, tokenId: id, token };
  };

  it("serves a token's caller from memory within the lifetime, then reads the rows again", async () => {
    const { user, token } = await newCaller("cached");
    // On a loaded machine the steps below may outlast the lifetime: try again, a few times.
    let servedFromMemory = false;
    for (let attempt = 0; attempt < 5 && !servedFromMemory; attempt++) {
      await db.user.update({ where: { id: user.id }, data: { role: "viewer" } });
      forgetPrincipals();
      expect((await authenticateRequest(bearer(token)))?.role).toBe("viewer");
      const cachedAt = performance.now();
      // Behind the services' back, so nothing clears the cache: only the lifetime ends the entry.
      await db.user.update({ where: { id: user.id }, data: { role: "operator" } });
      const role = (await authenticateRequest(bearer(token)))?.role;
      if (performance.now() - cachedAt >= PRINCIPAL_TTL_MS) continue;
      expect(role).toBe("viewer");
      servedFromMemory = true;
    }
    expect(servedFromMemory).toBe(true);
    await sleep(PRINCIPAL_TTL_MS + 50);
    expect((await authenticateRequest(bearer(token)))?.role).toBe("operator");
  });

  it("refuses a revoked token on the next request", async () => {
    const { user, tokenId, token } = await newCaller("revoked");
    expect((await authenticateRequest(bearer(token)))?.email).toBe(user.email);
    await revokeToken(tokenId, { id: user.id, isAdmin: false }, { audit });
    await expect(authenticateRequest(bearer(token))).rejects.toThrow("the API token was revoked");
  });

  it("refuses a disabled user's token and session on the next request", async () => {
    const { user, token } = await newCaller("disabled");
    const cookie = await session(user.id);
    expect((await authenticateRequest(bearer(token)))?.via).toBe("token");
    expect((await authenticateRequest(cookie))?.via).toBe("session");
    await updateUser(user.id, { disabled: true }, { audit });
    await expect(authenticateRequest(bearer(token))).rejects.toThrow("the token's user is disabled");
    await expect(authenticateRequest(cookie)).rejects.toThrow("the user is disabled");
  });

  it("gives a changed role on the next request", async () => {
    const { user, token } = await newCaller("promoted");
    const cookie = await session(user.id);
    expect((await authenticateRequest(bearer(token)))?.role).toBe("viewer");
    expect((await authenticateRequest(cookie))?.role).toBe("viewer");
    await updateUser(user.id, { role: "operator" }, { audit });
    expect((await authenticateRequest(bearer(token)))?.role).toBe("operator");
    expect((await authenticateRequest(cookie))?.role).toBe("operator");
  });

  it("refuses a deleted user's token and session once the lifetime is over", async () => {
    const { user, token } = await newCaller("deleted");
    const cookie = await session(user.id);
    await authenticateRequest(bearer(token));
    await authenticateRequest(cookie);
    // No service deletes users: a row removed by hand is noticed within the lifetime.
    await db.apiToken.deleteMany({ where: { userId: user.id } });
    await db.user.delete({ where: { id: user.id } });
    await sleep(PRINCIPAL_TTL_MS + 50);
    await expect(authenticateRequest(bearer(token))).rejects.toThrow("the API token is not valid");
    await expect(authenticateRequest(cookie)).rejects.toThrow("the session's user no longer exists");
  });
});
