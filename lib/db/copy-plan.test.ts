// The copy plan names every model of the schema once, and copies parents before their children.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { Prisma } from "@/lib/generated/prisma/client";
import { createTestDatabase, dropTestDatabase, isPostgresReachable } from "@/lib/test/postgres-databases";
import { openSchemaEngine } from "@/scripts/db/schema-engine.mjs";
import { COPIED_TABLES, SKIPPED_TABLES } from "./copy-plan";

describe("the copy plan", () => {
  it("copies or skips every model exactly once, a skipped one with its reason", () => {
    const planned = [...COPIED_TABLES, ...SKIPPED_TABLES].map((table) => table.model);
    expect(planned.toSorted()).toEqual(Object.values(Prisma.ModelName).toSorted());
    for (const skipped of SKIPPED_TABLES) expect(skipped.reason.length, skipped.table).toBeGreaterThan(20);
  });
});

describe.runIf(await isPostgresReachable())("the copy plan on the migrated PostgreSQL schema", () => {
  let databaseUrl: string;
  let client: pg.Client;
  beforeAll(async () => {
    databaseUrl = await createTestDatabase("t_copy_plan");
    const engine = await openSchemaEngine({ databaseUrl });
    try {
      await engine.applyMigrations();
    } finally {
      await engine.close();
    }
    client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
  }, 60_000);
  afterAll(async () => {
    await client?.end();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  it("names the schema's tables and nothing else", async () => {
    const { rows } = await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'",
    );
    const planned = [...COPIED_TABLES, ...SKIPPED_TABLES].map((table) => table.table);
    expect(planned.toSorted()).toEqual(rows.map((row) => row.name).toSorted());
  });

  it("copies each table after every table its foreign keys point at", async () => {
    const { rows } = await client.query<{ child: string; parent: string }>(
      `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
       FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`,
    );
    expect(rows.length).toBeGreaterThan(0);
    const position = (table: string) => COPIED_TABLES.findIndex((planned) => planned.table === table.replaceAll('"', ""));
    for (const { child, parent } of rows) {
      expect(position(parent), `${child} -> ${parent}`).toBeGreaterThanOrEqual(0);
      expect(position(parent), `${parent} is copied before ${child}`).toBeLessThan(position(child));
    }
  });
});
