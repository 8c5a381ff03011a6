// Every route of the API, discovered from the route files, for every kind of caller: the exact
// status each gets. A new route or method fails this spec until the table below says who may call it.
import type { APIRequestContext } from "@playwright/test";
import { discoverRouteMethods } from "../../lib/test/route-files";
import { bearer, readPrincipals } from "../support/principals";
import { expect, test } from "./fixtures";

const CALLERS = ["anonymous", "viewer", "operator", "admin", "revoked token", "expired token", "disabled user"] as const;
type Caller = (typeof CALLERS)[number];
type Expected = Record<Caller, number>;

const NO_SUCH_ID = "00000000-0000-4000-8000-000000000000";

/** Bad credentials are refused before anything else; the allowed roles reach the service. */
function byRole(viewer: number, operator: number, admin: number, anonymous = 401): Expected {
  return { anonymous, viewer, operator, admin, "revoked token": 401, "expired token": 401, "disabled user": 401 };
}
const everyone = (status: number): Expected => ({
  anonymous: status,
  viewer: status,
  operator: status,
  admin: status,
  "revoked token": status,
  "expired token": status,
  "disabled user": status,
});

interface Probe {
  path: string;
  body?: unknown;
  expected: Expected;
}

// Key: "<METHOD> <route pattern>". Probes never change anything: a missing id, an invalid body,
// or a request the service refuses.
const MATRIX: Record<string, Probe> = {
  "GET /api/blueprints": { path: "/api/blueprints", expected: byRole(200, 200, 200) },
  "POST /api/blueprints": { path: "/api/blueprints", body: {}, expected: byRole(403, 403, 400) },
  "GET /api/blueprints/[id]": { path: "/api/blueprints/marketing-v1", expected: byRole(200, 200, 200) },
  "PUT /api/blueprints/[id]": { path: "/api/blueprints/no-such-blueprint", body: { name: "x" }, expected: byRole(403, 403, 404) },
  "DELETE /api/blueprints/[id]": { path: "/api/blueprints/no-such-blueprint", expected: byRole(403, 403, 404) },
  "GET /api/blueprints/[id]/revisions": { path: "/api/blueprints/marketing-v1/revisions", expected: byRole(200, 200, 200) },
  "GET /api/blueprints/[id]/revisions/[revision]": { path: "/api/blueprints/marketing-v1/revisions/1", expected: byRole(200, 200, 200) },
  "POST /api/blueprints/[id]/revisions/[revision]/restore": {
    path: "/api/blueprints/marketing-v1/revisions/999/restore",
    expected: byRole(403, 403, 404),
  },
  "POST /api/blueprints/validate": {
    path: "/api/blueprints/validate",
    body: { blueprint_yaml: "metadata: {}\n" },
    expected: byRole(200, 200, 200),
  },
  "GET /api/clusters": { path: "/api/clusters", expected: byRole(200, 200, 200) },
  "POST /api/clusters": { path: "/api/clusters", body: {}, expected: byRole(403, 400, 400) },
  "GET /api/clusters/[id]": { path: `/api/clusters/${NO_SUCH_ID}`, expected: byRole(404, 404, 404) },
  "PUT /api/clusters/[id]": { path: `/api/clusters/${NO_SUCH_ID}`, body: { name: "x" }, expected: byRole(403, 404, 404) },
  "DELETE /api/clusters/[id]": { path: `/api/clusters/${NO_SUCH_ID}`, expected: byRole(403, 404, 404) },
  "GET /api/clusters/[id]/agents": { path: `/api/clusters/${NO_SUCH_ID}/agents`, expected: byRole(404, 404, 404) },
  "GET /api/clusters/[id]/agents/[agentId]": { path: `/api/clusters/${NO_SUCH_ID}/agents/${NO_SUCH_ID}`, expected: byRole(404, 404, 404) },
  "GET /api/clusters/[id]/activity": { path: `/api/clusters/${NO_SUCH_ID}/activity`, expected: byRole(404, 404, 404) },
  "GET /api/clusters/[id]/metrics": { path: `/api/clusters/${NO_SUCH_ID}/metrics?name=queue_depth`, expected: byRole(404, 404, 404) },
  "POST /api/clusters/[id]/metrics": {
    path: `/api/clusters/${NO_SUCH_ID}/metrics`,
    body: { points: [{ name: "queue_depth", value: 1 }] },
    expected: byRole(403, 404, 404),
  },
  "GET /api/clusters/[id]/hierarchy": { path: `/api/clusters/${NO_SUCH_ID}/hierarchy`, expected: byRole(404, 404, 404) },
  "POST /api/clusters/[id]/scale": {
    path: `/api/clusters/${NO_SUCH_ID}/scale`,
    body: { target_workers: 3 },
    expected: byRole(403, 404, 404),
  },
  "POST /api/clusters/[id]/hibernate": { path: `/api/clusters/${NO_SUCH_ID}/hibernate`, expected: byRole(403, 404, 404) },
  "POST /api/clusters/[id]/reactivate": { path: `/api/clusters/${NO_SUCH_ID}/reactivate`, expected: byRole(403, 404, 404) },
  "GET /api/clusters/[id]/autoscaler": { path: `/api/clusters/${NO_SUCH_ID}/autoscaler`, expected: byRole(404, 404, 404) },
  "PUT /api/clusters/[id]/autoscaler": {
    path: `/api/clusters/${NO_SUCH_ID}/autoscaler`,
    body: { pause: "all" },
    expected: byRole(403, 404, 404),
  },
  "GET /api/clusters/[id]/tasks": { path: `/api/clusters/${NO_SUCH_ID}/tasks`, expected: byRole(404, 404, 404) },
  "POST /api/clusters/[id]/tasks": { path: `/api/clusters/${NO_SUCH_ID}/tasks`, body: { input: "x" }, expected: byRole(403, 404, 404) },
  "GET /api/tasks/[taskId]": { path: `/api/tasks/${NO_SUCH_ID}`, expected: byRole(404, 404, 404) },
  "POST /api/tasks/[taskId]/cancel": { path: `/api/tasks/${NO_SUCH_ID}/cancel`, expected: byRole(403, 404, 404) },
  "POST /api/tasks/[taskId]/retry": { path: `/api/tasks/${NO_SUCH_ID}/retry`, expected: byRole(403, 404, 404) },
  "GET /api/clusters/worker-history": { path: `/api/clusters/worker-history?ids=${NO_SUCH_ID}`, expected: byRole(200, 200, 200) },
  "GET /api/metrics": { path: "/api/metrics", expected: byRole(200, 200, 200) },
  "GET /api/events": { path: "/api/events?cluster_id=", expected: byRole(400, 400, 400) },
  "GET /api/me": { path: "/api/me", expected: byRole(200, 200, 200) },
  "GET /api/users": { path: "/api/users", expected: byRole(403, 403, 200) },
  "POST /api/users": { path: "/api/users", body: {}, expected: byRole(403, 403, 400) },
  "PATCH /api/users/[id]": { path: `/api/users/${NO_SUCH_ID}`, body: { role: "viewer" }, expected: byRole(403, 403, 404) },
  "GET /api/tokens": { path: "/api/tokens", expected: byRole(200, 200, 200) },
  "POST /api/tokens": { path: "/api/tokens", body: {}, expected: byRole(400, 400, 400) },
  "DELETE /api/tokens/[id]": { path: `/api/tokens/${NO_SUCH_ID}`, expected: byRole(404, 404, 404) },
  "GET /api/audit": { path: "/api/audit", expected: byRole(403, 403, 200) },
  // Public: answers without credentials, but bad credentials are still refused.
  "GET /api/openapi.json": { path: "/api/openapi.json", expected: byRole(200, 200, 200, 200) },
  "GET /api/health": { path: "/api/health", expected: byRole(200, 200, 200, 200) },
  "GET /api/setup": { path: "/api/setup", expected: byRole(200, 200, 200, 200) },
  "POST /api/setup": {
    path: "/api/setup",
    body: { email: "late@e2e.test", password: "late-password-1" },
    expected: byRole(409, 409, 409, 409),
  },
  // next-auth's own endpoints ignore bearer tokens; sign-in needs its CSRF token (spec sign-in.spec.ts).
  "GET /api/auth/[...nextauth]": { path: "/api/auth/providers", expected: everyone(200) },
  "POST /api/auth/[...nextauth]": { path: "/api/auth/callback/credentials", body: {}, expected: everyone(302) },
  // Unknown API paths are 404 for everyone.
  "GET /api/[...path]": { path: "/api/no-such-route", expected: everyone(404) },
  "POST /api/[...path]": { path: "/api/no-such-route", body: {}, expected: everyone(404) },
  "PUT /api/[...path]": { path: "/api/no-such-route", body: {}, expected: everyone(404) },
  "PATCH /api/[...path]": { path: "/api/no-such-route", body: {}, expected: everyone(404) },
  "DELETE /api/[...path]": { path: "/api/no-such-route", expected: everyone(404) },
};

/** Every method each route file exports, and which of them only answer 405. */
function discoverRoutes(): Array<{ key: string; method: string; notAllowed: boolean }> {
  return discoverRouteMethods().map((route) => ({
    key: `${route.method} ${route.pattern}`,
    method: route.method,
    notAllowed: route.notAllowed,
  }));
}

async function contextFor(
  playwright: typeof import("@playwright/test").request,
  baseURL: string,
  caller: Caller,
): Promise<APIRequestContext> {
  const { tokens } = readPrincipals();
  const token: Record<Exclude<Caller, "anonymous">, string> = {
    viewer: tokens.viewer,
    operator: tokens.operator,
    admin: tokens.admin,
    "revoked token": tokens.revoked,
    "expired token": tokens.expired,
    "disabled user": tokens.disabledUser,
  };
  return playwright.newContext({ baseURL, extraHTTPHeaders: caller === "anonymous" ? {} : bearer(token[caller]), maxRedirects: 0 });
}

test.describe("[API][AUTHORIZATION]", () => {
  test("every route and method is in the matrix", () => {
    const routes = discoverRoutes();
    expect(routes.length).toBeGreaterThan(30);
    const missing = routes.filter((route) => !route.notAllowed && !(route.key in MATRIX)).map((route) => route.key);
    expect(missing, "routes without an entry in MATRIX").toEqual([]);
    const stale = Object.keys(MATRIX).filter((key) => !routes.some((route) => route.key === key));
    expect(stale, "MATRIX entries without a route").toEqual([]);
  });

  test("each caller gets exactly the status the matrix names", async ({ playwright, baseURL }) => {
    const routes = discoverRoutes();
    const mismatches: string[] = [];
    for (const caller of CALLERS) {
      const context = await contextFor(playwright.request, baseURL!, caller);
      for (const route of routes) {
        const probe = route.notAllowed
          ? { path: MATRIX[`GET ${route.key.split(" ")[1]}`]?.path, body: undefined, expected: everyone(405) }
          : MATRIX[route.key]!;
        const url = probe.path ?? route.key.split(" ")[1]!.replace(/\[[^\]]+\]/g, NO_SUCH_ID);
        const response = await context.fetch(url, { method: route.method, data: probe.body });
        if (response.status() !== probe.expected[caller])
          mismatches.push(`${caller}: ${route.key} answered ${response.status()}, expected ${probe.expected[caller]}`);
      }
      await context.dispose();
    }
    expect(mismatches).toEqual([]);
  });

  test("refusals are problem+json that say why", async ({ playwright, baseURL }) => {
    const anonymous = await contextFor(playwright.request, baseURL!, "anonymous");
    const unauthenticated = await anonymous.get("/api/clusters");
    expect(unauthenticated.headers()["content-type"]).toBe("application/problem+json");
    expect(unauthenticated.headers()["www-authenticate"]).toContain("Bearer");
    expect(await unauthenticated.json()).toMatchObject({ status: 401, title: "Unauthorized" });
    for (const [caller, detail] of [
      ["revoked token", /revoked/],
      ["expired token", /expired/],
      ["disabled user", /disabled/],
    ] as const) {
      const context = await contextFor(playwright.request, baseURL!, caller);
      expect((await (await context.get("/api/clusters")).json()).detail).toMatch(detail);
      await context.dispose();
    }
    const viewer = await contextFor(playwright.request, baseURL!, "viewer");
    expect(await (await viewer.post("/api/clusters", { data: {} })).json()).toMatchObject({
      status: 403,
      detail: "this needs the operator role; viewer@e2e.test is viewer",
    });
    await viewer.dispose();
    await anonymous.dispose();
  });
});
