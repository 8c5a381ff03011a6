// The edges a load balancer meets: the health probe (200 on a ready instance, 503 on one whose
// database is not migrated) and the client's address, which a client's own X-Forwarded-For must
// not choose when no proxy is trusted (TRUST_PROXY unset, as on the suite's server).
import { rmSync } from "node:fs";
import { startExtraServer } from "../support/extra-server";
import { expect, test } from "./fixtures";

const UNMIGRATED_PORT = Number(process.env.E2E_PORT ?? 3100) + 3;

test.describe("[API][HEALTH]", () => {
  test("a ready instance answers 200 without credentials and without spending a budget", async ({ playwright, baseURL }) => {
    const probe = await playwright.request.newContext({ baseURL, extraHTTPHeaders: {} });
    const response = await probe.get("/api/health");
    expect(response.status()).toBe(200);
    const health = await response.json();
    expect(health).toEqual({
      status: "ok",
      database: "ok",
      migrations: "current",
      instance: expect.stringMatching(/^.+:\d+:[0-9a-f]{8}$/),
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
    expect(response.headers()["ratelimit-remaining"]).toBeUndefined();
    await probe.dispose();
  });

  test("an instance on a database without migrations answers 503, degraded", async () => {
    const file = `data/e2e-unmigrated-${Date.now()}.db`;
    const server = await startExtraServer(UNMIGRATED_PORT, { DATABASE_URL: `file:./${file}` });
    try {
      const response = await fetch(`${server.baseURL}/api/health`, { signal: AbortSignal.timeout(10_000) });
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "degraded", database: "ok", migrations: "pending" });
    } finally {
      await server.stop();
      for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
    }
  });
});

test.describe("[API][CLIENT_ADDRESS]", () => {
  test("a client's own X-Forwarded-For does not choose the address the audit log records", async ({ request }) => {
    const name = `spoof-${Date.now()}`;
    const created = await request.post("/api/tokens", { data: { name }, headers: { "x-forwarded-for": "203.0.113.66" } });
    expect(created.status()).toBe(201);
    const audit = await (await request.get("/api/audit?action=token.create&page_size=20")).json();
    const entry = (audit.items as Array<{ summary: string; ip: string | null }>).find((item) => item.summary.includes(name));
    expect(entry?.ip).toBe("127.0.0.1");
  });
});
