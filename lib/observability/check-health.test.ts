import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { instanceId } from "@/lib/instance-id";
import { checkHealth } from "@/lib/observability/check-health";
import { version } from "@/package.json";

describe("checkHealth", () => {
  afterAll(() => db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = NULL`);

  it("is ok on a migrated database, naming this instance and the version only", async () => {
    const health = await checkHealth(1_000_000);
    expect(health).toEqual({ status: "ok", database: "ok", migrations: "current", instance: instanceId, version });
    expect(instanceId).toMatch(/^.+:\d+:[0-9a-f]{8}$/);
  });

  it("shares one check for 2 s, then checks again", async () => {
    const first = checkHealth(2_000_000);
    expect(checkHealth(2_001_999)).toBe(first);
    await first;
    await db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = started_at`;
    expect((await checkHealth(2_001_999)).status).toBe("ok");
    expect(await checkHealth(2_002_000)).toMatchObject({ status: "degraded", database: "ok", migrations: "pending" });
  });
});
