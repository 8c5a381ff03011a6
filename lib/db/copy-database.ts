// `npm run console -- db copy --to postgresql://...`: moves a SQLite console into an empty PostgreSQL
// database, ids kept, and proves it by counting every table on both sides.
//
// The source is read inside one transaction, so the copy is one consistent snapshot even if something
// writes meanwhile; whatever is written after that snapshot is not copied, hence "stop the console
// first" (a running console holds the autoscaler lease, and the copy refuses while it is held). The
// target is written inside one transaction too: a refusal, a failure or counts that disagree leave it
// holding no rows, ready for another attempt.
import { performance } from "node:perf_hooks";
import type pg from "pg";

import { createPrismaClient } from "../db";
import { env } from "../env";
import type { Prisma } from "../generated/prisma/client";
import { COPIED_TABLES, SKIPPED_TABLES } from "./copy-plan";
import { CopyMismatchError, CopyRefusedError, type CopyReport, type TableCount } from "./copy-report";
import { assertNoConsoleRunning, checkSourceUrl, countSourceRows, readPage } from "./copy-source";
import { assertNewOrConsoleDatabase, checkTargetUrl, claimEmptyTarget, connectTarget, migrateTarget } from "./copy-target";
import { countTargetRows, insertRows, readTableShape, resetSequences } from "./copy-target-rows";

/** Rows per read and per insert. */
export const DEFAULT_COPY_BATCH_SIZE = 5_000;
/** The longest the source's snapshot may stay open (a console of millions of rows takes minutes). */
const SNAPSHOT_OPTIONS = { maxWait: 10_000, timeout: 60 * 60_000 };

export interface CopyDatabaseOptions {
  /** The SQLite console to copy; DATABASE_URL by default. */
  sourceUrl?: string;
  batchSize?: number;
  /** One line per step (migrating, each table), for the command line. */
  log?: (line: string) => void;
}

export async function copyDatabase(targetUrl: string, options: CopyDatabaseOptions = {}): Promise<CopyReport> {
  const started = performance.now();
  const sourceUrl = options.sourceUrl ?? env.DATABASE_URL;
  const log = options.log ?? (() => {});
  checkSourceUrl(sourceUrl);
  checkTargetUrl(targetUrl);
  const target = await connectTarget(targetUrl);
  const source = createPrismaClient(sourceUrl);
  try {
    await assertNewOrConsoleDatabase(target, targetUrl);
    await assertNoConsoleRunning(source);
    const migrationsApplied = await migrateTarget(targetUrl);
    log(migrationsApplied.length > 0 ? `migrated the target: ${migrationsApplied.join(", ")}` : "the target was migrated already");
    const tables = await source.$transaction(
      (from) => inTransaction(target, () => copyTables(from, target, options.batchSize ?? DEFAULT_COPY_BATCH_SIZE, log, sourceUrl)),
      SNAPSHOT_OPTIONS,
    );
    return { tables, skipped: SKIPPED_TABLES, migrationsApplied, durationMs: Math.round(performance.now() - started) };
  } finally {
    await Promise.all([source.$disconnect(), target.end()]);
  }
}

async function inTransaction<T>(client: pg.Client, work: () => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    const result = await work();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

async function copyTables(
  from: Prisma.TransactionClient,
  to: pg.Client,
  batchSize: number,
  log: (line: string) => void,
  sourceUrl: string,
): Promise<TableCount[]> {
  const sourceCounts = [];
  for (const { table } of COPIED_TABLES) sourceCounts.push(await countSourceRows(from, table));
  if (sourceCounts.every((count) => count === 0))
    throw new CopyRefusedError(`the source holds no data: is ${sourceUrl} the console's database?`);
  await claimEmptyTarget(to);
  for (const { table } of COPIED_TABLES) {
    const tableStarted = performance.now();
    const shape = await readTableShape(to, table);
    let copied = 0;
    let after: unknown[] | undefined;
    for (;;) {
      const rows = await readPage(from, shape, after, batchSize);
      if (rows.length > 0) await insertRows(to, shape, rows);
      copied += rows.length;
      const last = rows.at(-1);
      if (rows.length < batchSize || last === undefined) break;
      after = shape.key.map((column) => last[column]);
    }
    log(`${table}: ${copied} ${copied === 1 ? "row" : "rows"} in ${Math.round(performance.now() - tableStarted)} ms`);
  }
  await resetSequences(to);
  const counts: TableCount[] = [];
  for (const [index, { table }] of COPIED_TABLES.entries()) {
    counts.push({ table, source: sourceCounts[index]!, target: await countTargetRows(to, table) });
  }
  if (counts.some((count) => count.source !== count.target)) throw new CopyMismatchError(counts);
  return counts;
}
