// The floors a cluster action that spawns 1,000 agents is held against: the same 1,000 agent rows
// inserted in one transaction by the bare driver, without the console around it. better-sqlite3
// inserts them one prepared statement a row (SQLite's fastest way); pg sends the two 500-row
// statements the console sends itself (lib/cluster/insert-agents.ts), a round trip each.
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { median } from "./median";

const ROWS_PER_STATEMENT = 500;
const AGENT_COLUMNS =
  "id, cluster_id, name, definition, ordinal, role, status, supervisor_id, capabilities_json, skills_json, config_json, created_at, updated_at";

/** better-sqlite3 on a new file in `directory`, migrated like the console's. */
export function bareSqliteInsertMedian(directory: string, agents: number, runs: number): number {
  const database = new Database(path.join(directory, "bare.db"));
  const migrations = path.join("prisma", "migrations");
  for (const name of readdirSync(migrations)
    .filter((entry) => /^\d+_/.test(entry))
    .sort()) {
    database.exec(readFileSync(path.join(migrations, name, "migration.sql"), "utf8"));
  }
  database.prepare("INSERT INTO blueprints (id, name, version, updated_at) VALUES ('b', 'b', '1.0.0', 0)").run();
  const insertCluster = database.prepare(
    "INSERT INTO clusters (id, name, type, status, blueprint_id, blueprint_version, min_workers, max_workers, target_workers, updated_at) VALUES (?, 'c', 'project', 'active', 'b', '1.0.0', 10, 1000, 1000, 0)",
  );
  const insertAgent = database.prepare(
    `INSERT INTO agents (${AGENT_COLUMNS}) VALUES (?, ?, ?, 'worker', ?, 'worker', 'active', NULL, '["work"]', '["typing"]', '{"temperature":0.5}', ?, ?)`,
  );
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const clusterId = randomUUID();
    insertCluster.run(clusterId);
    const started = performance.now();
    database.transaction(() => {
      const now = Date.now();
      for (let ordinal = 1; ordinal <= agents; ordinal++)
        insertAgent.run(`agent-${randomUUID()}`, clusterId, `worker-${ordinal}`, ordinal, now, now);
    })();
    times.push(performance.now() - started);
  }
  database.close();
  return median(times);
}

/** pg on the (migrated) database at `databaseUrl`, under a blueprint of its own. */
export async function barePostgresInsertMedian(databaseUrl: string, agents: number, runs: number): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const blueprintId = `bare-${randomUUID()}`;
    await client.query("INSERT INTO blueprints (id, name, version, updated_at) VALUES ($1, 'b', '1.0.0', now())", [blueprintId]);
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      const clusterId = randomUUID();
      await client.query(
        "INSERT INTO clusters (id, name, type, status, blueprint_id, blueprint_version, min_workers, max_workers, target_workers, updated_at) VALUES ($1, 'c', 'project', 'active', $2, '1.0.0', 10, 1000, 1000, now())",
        [clusterId, blueprintId],
      );
      const now = new Date();
      const rows = Array.from({ length: agents }, (_, index) => [
        `agent-${randomUUID()}`,
        clusterId,
        `worker-${index + 1}`,
        "worker",
        index + 1,
        "worker",
        "active",
        null,
        '["work"]',
        '["typing"]',
        '{"temperature":0.5}',
        now,
        now,
      ]);
      const started = performance.now();
      await client.query("BEGIN");
      for (let first = 0; first < rows.length; first += ROWS_PER_STATEMENT) {
        const slice = rows.slice(first, first + ROWS_PER_STATEMENT);
        const placeholders = slice.map((row, index) => `(${row.map((_, column) => `$${index * row.length + column + 1}`).join(", ")})`);
        await client.query(`INSERT INTO agents (${AGENT_COLUMNS}) VALUES ${placeholders.join(", ")}`, slice.flat());
      }
      await client.query("COMMIT");
      times.push(performance.now() - started);
    }
    return median(times);
  } finally {
    await client.end();
  }
}
