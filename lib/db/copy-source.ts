// The SQLite side of `db copy`: the source must be a console's SQLite file that no console is writing
// to, and its rows are read a page at a time in key order, through Prisma so that times and booleans
// arrive as the values the client would give (whatever form SQLite keeps them in).
import { existsSync } from "node:fs";

import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { CopyRefusedError } from "./copy-report";
import { quoteIdentifier, type Row, type TableShape } from "./copy-target-rows";
import { providerOfUrl } from "./database-url.mjs";
import { sqliteFileFromUrl } from "./sqlite-file.mjs";

export function checkSourceUrl(url: string): void {
  if (providerOfUrl(url) !== "sqlite") {
    throw new CopyRefusedError("db copy reads the SQLite console named by DATABASE_URL, which names PostgreSQL here");
  }
  const file = sqliteFileFromUrl(url, process.cwd());
  if (!existsSync(file)) throw new CopyRefusedError(`no SQLite database at ${file} (DATABASE_URL=${url})`);
}

/**
 * A running console renews the autoscaler lease every few seconds. A stopped one may leave it behind
 * (it is given up only on an orderly shutdown of the loop), and then it runs out within the lease time.
 */
export async function assertNoConsoleRunning(source: PrismaClient): Promise<void> {
  const now = Date.now();
  const lease = await source.autoscalerLease.findFirst({ where: { expiresAt: { gt: now } }, orderBy: { expiresAt: "desc" } });
  if (lease) {
    const seconds = Math.ceil((lease.expiresAt - now) / 1000);
    throw new CopyRefusedError(
      `a console holds the source's autoscaler lease for another ${seconds} s: stop it first, or what it writes during ` +
        `the copy is lost (a console that has stopped lets go of it within those ${seconds} s; then run the copy again)`,
    );
  }
}

/**
 * Up to `take` rows after the row whose key is `after` (from the first when undefined), in key order.
 * A keyset page, never an OFFSET: each read is an index range however deep into millions of rows.
 */
export function readPage(from: Prisma.TransactionClient, shape: TableShape, after: unknown[] | undefined, take: number): Promise<Row[]> {
  const columns = Prisma.raw(shape.columns.map((column) => quoteIdentifier(column.name)).join(", "));
  const key = Prisma.raw(shape.key.map(quoteIdentifier).join(", "));
  const table = Prisma.raw(quoteIdentifier(shape.table));
  const where = after ? Prisma.sql`WHERE (${key}) > (${Prisma.join(after)})` : Prisma.empty;
  return from.$queryRaw<Row[]>`SELECT ${columns} FROM ${table} ${where} ORDER BY ${key} LIMIT ${take}`;
}

export async function countSourceRows(from: Prisma.TransactionClient, table: string): Promise<number> {
  const [row] = await from.$queryRaw<{ count: number | bigint }[]>`SELECT count(*) AS count FROM ${Prisma.raw(quoteIdentifier(table))}`;
  return Number(row?.count ?? 0);
}
