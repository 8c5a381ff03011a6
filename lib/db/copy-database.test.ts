// db copy on a real SQLite file and real throwaway PostgreSQL databases: every table's rows arrive
// field for field, the sequences continue, and every unfit source or target is refused plainly.
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createPrismaClient } from "@/lib/db";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { closedPort } from "@/lib/test/closed-port";
import { createTestDatabase, dropTestDatabase, isPostgresReachable, testDatabaseUrl } from "@/lib/test/postgres-databases";
import { fillSampleConsole } from "@/lib/test/sample-console";
import { openSchemaEngine } from "@/scripts/db/schema-engine.mjs";
import { copyDatabase } from "./copy-database";
import { COPIED_TABLES } from "./copy-plan";
import { CopyRefusedError } from "./copy-report";

const reachable = await isPostgresReachable();
const METRIC_POINTS = 100_000;

async function newSqliteConsole(): Promise<{ url: string; file: string }> {
  const file = path.join(os.tmpdir(), `cluster-console-copy-${randomUUID()}.db`);
  const engine = await openSchemaEngine({ databaseFile: file });
  try {
    await engine.applyMigrations();
  } finally {
    await engine.close();
  }
  return { url: `file:${file}`, file };
}

/** Every row of every copied table, each table's rows in one order whatever the database's collation. */
async function allRows(client: PrismaClient): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const table of COPIED_TABLES) {
    const rows = await readAll(client, table.model);
    tables[table.table] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return tables;
}

function readAll(client: PrismaClient, model: Prisma.ModelName): Promise<unknown[]> {
  const delegate = client[(model[0]!.toLowerCase() + model.slice(1)) as Uncapitalize<Prisma.ModelName>];
  // Each delegate's findMany takes no argument here; the union of their signatures is not callable as one.
  return (delegate as unknown as { findMany(): Promise<unknown[]> }).findMany();
}

describe.runIf(reachable)("copyDatabase", () => {
  const made: string[] = [];
  const files: string[] = [];
  let source: { url: string; file: string };
  let sourceClient: PrismaClient;

  const newTarget = async () => {
    const url = await createTestDatabase("t_copy");
    made.push(url);
    return url;
  };

  beforeAll(async () => {
    source = await newSqliteConsole();
    files.push(source.file);
    sourceClient = createPrismaClient(source.url);
    await fillSampleConsole(sourceClient, { metricPoints: METRIC_POINTS });
  }, 60_000);

  afterAll(async () => {
    await sourceClient?.$disconnect();
    await Promise.all(made.map((url) => dropTestDatabase(url)));
    for (const file of files) rmSync(file, { force: true });
  }, 60_000);

  it("copies every table with its ids, field for field, fast, and the sequences continue past them", async () => {
    const targetUrl = await newTarget();
    const lines: string[] = [];
    const started = performance.now();
    const report = await copyDatabase(targetUrl, { sourceUrl: source.url, log: (line) => lines.push(line) });
    const seconds = (performance.now() - started) / 1000;
    console.info(`db copy of ${METRIC_POINTS} metric points and the rest: ${seconds.toFixed(1)} s`);
    expect(seconds, "100,000 metric points take seconds, not minutes").toBeLessThan(30);

    expect(report.tables.map((count) => count.table)).toEqual(COPIED_TABLES.map((table) => table.table));
    for (const count of report.tables) {
      expect(count.source, `${count.table} has rows in the sample`).toBeGreaterThan(0);
      expect(count.target, count.table).toBe(count.source);
    }
    expect(report.tables.find((count) => count.table === "metric_points")?.target).toBe(METRIC_POINTS);
    expect(report.migrationsApplied.length).toBeGreaterThan(0);
    expect(report.skipped.map((skipped) => skipped.table)).toEqual(["autoscaler_leases", "console_instances", "rate_limits"]);
    expect(lines.some((line) => line.startsWith("metric_points: 100000 rows"))).toBe(true);

    const target = createPrismaClient(targetUrl);
    try {
      expect(await allRows(target)).toEqual(await allRows(sourceClient));
      expect(await target.autoscalerLease.count()).toBe(0);

      // A row made after the copy gets a fresh id in every table whose ids PostgreSQL numbers.
      const fresh = {
        blueprint_revisions: (
          await target.blueprintRevision.create({
            data: { blueprintId: "marketing-v1", revision: 3, version: "1.2.0", blueprintYaml: "x" },
          })
        ).id,
        cluster_events: (await target.clusterEvent.create({ data: { clusterId: "cluster-1", kind: "note", reason: "after" } })).id,
        cluster_changes: (await target.clusterChange.create({ data: { clusterId: "cluster-1" } })).id,
        metric_points: (await target.metricPoint.create({ data: { clusterId: "cluster-1", name: "x", value: 1, ts: 1 } })).id,
        audit_entries: (await target.auditEntry.create({ data: { action: "a", targetType: "t", summary: "s" } })).id,
        task_attempts: (
          await target.taskAttempt.create({
            data: { taskId: "task-1", clusterId: "cluster-1", number: 3, agentId: "agent-1", startedAt: 1, outcome: "running" },
          })
        ).id,
      };
      const largest = {
        blueprint_revisions: (await sourceClient.blueprintRevision.aggregate({ _max: { id: true } }))._max.id,
        cluster_events: (await sourceClient.clusterEvent.aggregate({ _max: { id: true } }))._max.id,
        cluster_changes: (await sourceClient.clusterChange.aggregate({ _max: { id: true } }))._max.id,
        metric_points: (await sourceClient.metricPoint.aggregate({ _max: { id: true } }))._max.id,
        audit_entries: (await sourceClient.auditEntry.aggregate({ _max: { id: true } }))._max.id,
        task_attempts: (await sourceClient.taskAttempt.aggregate({ _max: { id: true } }))._max.id,
      };
      expect(largest.cluster_changes).toBe(97);
      for (const [table, id] of Object.entries(fresh)) expect(id, table).toBe(largest[table as keyof typeof largest]! + 1);
    } finally {
      await target.$disconnect();
    }

    await expect(copyDatabase(targetUrl, { sourceUrl: source.url })).rejects.toThrow(
      /the target already holds data \(users: 2, api_tokens: 1, .*\); db copy only fills an empty database/,
    );
  }, 120_000);

  it("refuses while a console runs on the source, and writes nothing", async () => {
    const targetUrl = await newTarget();
    await sourceClient.autoscalerLease.update({ where: { name: "autoscaler" }, data: { expiresAt: Date.now() + 30_000 } });
    try {
      await expect(copyDatabase(targetUrl, { sourceUrl: source.url })).rejects.toThrow(
        /a console holds the source's autoscaler lease for another 30 s: stop it first/,
      );
    } finally {
      await sourceClient.autoscalerLease.update({ where: { name: "autoscaler" }, data: { expiresAt: 0 } });
    }
    const client = new pg.Client({ connectionString: targetUrl });
    await client.connect();
    try {
      const { rows } = await client.query("SELECT count(*)::int AS tables FROM information_schema.tables WHERE table_schema = 'public'");
      expect(rows[0].tables).toBe(0);
    } finally {
      await client.end();
    }
  });

  it("refuses an empty source, and leaves the migrated target without rows for the next attempt", async () => {
    const empty = await newSqliteConsole();
    files.push(empty.file);
    const targetUrl = await newTarget();
    await expect(copyDatabase(targetUrl, { sourceUrl: empty.url })).rejects.toThrow(/the source holds no data/);
    const report = await copyDatabase(targetUrl, { sourceUrl: source.url });
    expect(report.migrationsApplied).toEqual([]);
    expect(report.tables.every((count) => count.source === count.target)).toBe(true);
  }, 60_000);

  it("pages through every table by its key, composite keys included", async () => {
    const small = await newSqliteConsole();
    files.push(small.file);
    const smallClient = createPrismaClient(small.url);
    const target = createPrismaClient(await newTarget());
    try {
      await fillSampleConsole(smallClient, { metricPoints: 9 });
      // Two rows a page: the users fill exactly one page, the six metric minutes three.
      await copyDatabase(made.at(-1)!, { sourceUrl: small.url, batchSize: 2 });
      expect(await allRows(target)).toEqual(await allRows(smallClient));
    } finally {
      await Promise.all([smallClient.$disconnect(), target.$disconnect()]);
    }
  }, 60_000);

  it("refuses a target that is not PostgreSQL, not reachable, missing, or someone else's database", async () => {
    const refusal = (targetUrl: string) => copyDatabase(targetUrl, { sourceUrl: source.url });
    await expect(refusal("mysql://root@127.0.0.1/console")).rejects.toThrow(
      new CopyRefusedError('--to must be a PostgreSQL URL such as postgresql://user@host:5432/console, got "mysql:..."'),
    );
    await expect(refusal("postgresql://postgres@127.0.0.1:5432")).rejects.toThrow(/--to must name a database/);
    const port = await closedPort();
    await expect(refusal(`postgresql://postgres:secret@127.0.0.1:${port}/console`)).rejects.toThrow(
      new RegExp(`cannot reach PostgreSQL at postgresql://postgres:\\*\\*\\*@127\\.0\\.0\\.1:${port}/console: .*ECONNREFUSED`),
    );
    const missing = testDatabaseUrl(`t_missing_${randomUUID().slice(0, 8)}`);
    await expect(refusal(missing)).rejects.toThrow(/database "t_missing_\w+" does not exist at .*; create it first: CREATE DATABASE/);

    const foreignUrl = await newTarget();
    const client = new pg.Client({ connectionString: foreignUrl });
    await client.connect();
    await client.query("CREATE TABLE invoices (id int)").finally(() => client.end());
    await expect(refusal(foreignUrl)).rejects.toThrow(/holds tables that are not the console's \(invoices\)/);
  });

  it("refuses a source that is not a SQLite file", async () => {
    const targetUrl = testDatabaseUrl("unused");
    await expect(copyDatabase(targetUrl, { sourceUrl: targetUrl })).rejects.toThrow(/DATABASE_URL, which names PostgreSQL/);
    await expect(copyDatabase(targetUrl, { sourceUrl: "file:/nonexistent/console.db" })).rejects.toThrow(
      /no SQLite database at \/nonexistent\/console\.db/,
    );
  });
});
