// The principal cache behind authenticateRequest on a real database: a cached caller is served
// without a read, and every change through the services takes effect on the next request (the
// cache alone, its lifetime, bound, shared reads and races: lib/short-lived-cache.test.ts).
import { setTimeout as sleep } from "node:timers/promises";
import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it } from "vitest";
import { authSecret } from "@/lib/auth/auth-secret";
import { createToken } from "@/lib/auth/create-token";
import { createUser } from "@/lib/auth/create-user";
import { authenticateRequest, SESSION_COOKIE } from "@/lib/auth/principal";
import { forgetPrincipals, PRINCIPAL_TTL_MS } from "@/lib/auth/principal-cache";
import { revokeToken } from "@/lib/auth/revoke-token";
import { updateUser } from "@/lib/auth/update-user";
import { db } from "@/lib/db";
import { audit } from "@/lib/test/test-audit";

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
