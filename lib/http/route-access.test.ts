// The route wrapper's gatekeeping on a real database: credentials, roles, origin, and budgets.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.RATE_LIMIT_READS_PER_MINUTE = "3";
  process.env.RATE_LIMIT_MUTATIONS_PER_MINUTE = "2";
  process.env.RATE_LIMIT_ANONYMOUS_PER_MINUTE = "2";
});

import { createToken } from "@/lib/auth/create-token";
import { createUser } from "@/lib/auth/create-user";
import { audit } from "@/lib/test/test-audit";
import { z } from "zod";
import { handleOperation, unavailable } from "./operation-handler";

const context = { params: Promise.resolve({}) };
const answer = (schema: z.ZodType) => ({ status: 200 as const, description: "test", schema });
const read = handleOperation({ summary: "read", access: "viewer", ok: answer(z.object({ email: z.string() })) }, async ({ principal }) => ({
  email: principal.email,
}));
const mutate = handleOperation({ summary: "mutate", access: "operator", ok: answer(z.object({ done: z.boolean() })) }, async () => ({
  done: true,
}));
const open = handleOperation({ summary: "open", access: "public", ok: answer(z.object({ open: z.boolean() })) }, async () => ({
  open: true,
}));

let viewerToken = "";
let operatorToken = "";
let spareToken = "";

beforeAll(async () => {
  const viewer = await createUser({ email: "viewer@test.dev", password: "viewer-password", role: "viewer" }, { audit });
  const operator = await createUser({ email: "operator@test.dev", password: "operator-password", role: "operator" }, { audit });
  viewerToken = (await createToken(viewer, { name: "reads" }, { audit })).token;
  spareToken = (await createToken(viewer, { name: "spare" }, { audit })).token;
  operatorToken = (await createToken(operator, { name: "writes" }, { audit })).token;
});

const call = (handler: typeof read, init: { token?: string; method?: string; ip?: string; headers?: Record<string, string> } = {}) =>
  handler(
    new Request("http://console.test/api/thing", {
      method: init.method ?? "GET",
      headers: {
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        "x-forwarded-for": init.ip ?? "10.0.0.1",
        ...init.headers,
      },
    }),
    context,
  );

describe("handleOperation access", () => {
  it("answers 401 without credentials and with an unknown or malformed token", async () => {
    for (const response of [
      await call(read, { ip: "10.1.0.1" }),
      await call(read, { token: "cct_nope", ip: "10.1.0.2" }),
      await call(read, { headers: { authorization: "Basic abc" }, ip: "10.1.0.3" }),
    ]) {
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toContain("Bearer");
    }
  });

  it("answers 403 naming the needed role when the role is too low", async () => {
    const response = await call(mutate, { token: viewerToken, method: "POST" });
    expect(response.status).toBe(403);
    expect((await response.json()).detail).toBe("this needs the operator role; viewer@test.dev is viewer");
  });

  it("lets public routes answer without credentials", async () => {
    expect((await call(open, { ip: "10.2.0.1" })).status).toBe(200);
  });
});

describe("handleOperation rate limits", () => {
  it("holds the read budget per token, with RateLimit headers, and a 429 with Retry-After past it", async () => {
    const answers = [];
    for (let index = 0; index < 4; index++) answers.push(await call(read, { token: viewerToken }));
    expect(answers.map((response) => response.status)).toEqual([200, 200, 200, 429]);
    expect(answers.map((response) => response.headers.get("ratelimit-remaining"))).toEqual(["2", "1", "0", "0"]);
    expect(answers[0]!.headers.get("ratelimit-limit")).toBe("3");
    const refused = answers[3]!;
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(await refused.json()).toMatchObject({ status: 429, title: "Too many requests" });
  });

  it("leaves callers under their own budget unaffected", async () => {
    // Same user, another token: its own budget.
    expect((await call(read, { token: spareToken })).status).toBe(200);
    // Mutations have a budget separate from reads.
    expect((await call(mutate, { token: operatorToken, method: "POST" })).status).toBe(200);
    expect((await call(mutate, { token: operatorToken, method: "POST" })).status).toBe(200);
    expect((await call(mutate, { token: operatorToken, method: "POST" })).status).toBe(429);
    expect((await call(read, { token: operatorToken })).status).toBe(200);
  });

  it("limits anonymous callers by address, bad tokens included", async () => {
    expect((await call(open, { ip: "10.9.9.9" })).status).toBe(200);
    expect((await call(read, { token: "cct_guess", ip: "10.9.9.9" })).status).toBe(401);
    expect((await call(open, { ip: "10.9.9.9" })).status).toBe(429);
    expect((await call(open, { ip: "10.9.9.8" })).status).toBe(200);
  });

  it("spends no budget on an exempt operation (the health probe) and answers its 503 body", async () => {
    const probe = handleOperation(
      {
        summary: "probe",
        access: "public",
        budget: "exempt",
        ok: answer(z.object({ up: z.boolean() })),
        unavailable: { description: "down", schema: z.object({ up: z.boolean() }) },
      },
      async ({ request }) => (request.headers.get("x-down") ? unavailable({ up: false }) : { up: true }),
    );
    const answers = [];
    for (let call = 0; call < 5; call++)
      answers.push(await probe(new Request("http://console.test/api/probe", { headers: { "x-forwarded-for": "10.8.8.8" } }), context));
    expect(answers.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers[0]!.headers.get("ratelimit-remaining")).toBeNull();
    const down = await probe(
      new Request("http://console.test/api/probe", { headers: { "x-forwarded-for": "10.8.8.8", "x-down": "1" } }),
      context,
    );
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ up: false });
    // The address's anonymous budget is untouched.
    expect((await call(open, { ip: "10.8.8.8" })).status).toBe(200);
    expect((await call(open, { ip: "10.8.8.8" })).status).toBe(200);
  });
});

describe("handleOperation with a session cookie", () => {
  const cookieFor = async (userId: string) => {
    const { encode } = await import("next-auth/jwt");
    const { authSecret } = await import("@/lib/auth/auth-secret");
    const { SESSION_COOKIE } = await import("@/lib/auth/principal");
    return `${SESSION_COOKIE}=${await encode({ token: { sub: userId }, secret: authSecret() })}`;
  };
  const withSession = (handler: typeof read, cookie: string, init: { method?: string; origin?: string; ip: string }) =>
    handler(
      new Request("http://console.test/api/thing", {
        method: init.method ?? "GET",
        headers: { cookie, host: "console.test", "x-forwarded-for": init.ip, ...(init.origin ? { origin: init.origin } : {}) },
      }),
      context,
    );

  it("refuses a mutation from another origin, allows one from the console's own pages", async () => {
    // Two users: the mutation budget in this file is two a minute.
    const user = await createUser({ email: "session@test.dev", password: "session-password", role: "operator" }, { audit });
    const other = await createUser({ email: "session2@test.dev", password: "session-password", role: "operator" }, { audit });
    const cookie = await cookieFor(user.id);
    expect((await withSession(mutate, cookie, { method: "POST", origin: "http://console.test", ip: "10.3.0.1" })).status).toBe(200);
    const foreign = await withSession(mutate, cookie, { method: "POST", origin: "https://evil.example", ip: "10.3.0.1" });
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).title).toBe("Cross-origin request refused");
    expect((await withSession(mutate, await cookieFor(other.id), { method: "POST", ip: "10.3.0.1" })).status).toBe(403);
    // Reads are not forgeable into changes, so they need no origin.
    expect((await withSession(read, cookie, { ip: "10.3.0.1" })).status).toBe(200);
  });

  it("stops a disabled user's session at once", async () => {
    const { updateUser } = await import("@/lib/auth/update-user");
    const user = await createUser({ email: "leaver@test.dev", password: "leaver-password", role: "viewer" }, { audit });
    const cookie = await cookieFor(user.id);
    expect((await withSession(read, cookie, { ip: "10.4.0.1" })).status).toBe(200);
    await updateUser(user.id, { disabled: true }, { audit });
    const refused = await withSession(read, cookie, { ip: "10.4.0.1" });
    expect(refused.status).toBe(401);
    expect((await refused.json()).detail).toBe("the user is disabled");
  });

  it("ignores a cookie signed with another secret", async () => {
    const { encode } = await import("next-auth/jwt");
    const { SESSION_COOKIE } = await import("@/lib/auth/principal");
    const forged = `${SESSION_COOKIE}=${await encode({ token: { sub: "someone" }, secret: "another-secret-another-secret-another" })}`;
    expect((await withSession(read, forged, { ip: "10.5.0.1" })).status).toBe(401);
  });
});
