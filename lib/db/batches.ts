// Long lists go to the database in slices: Prisma refuses a query with more bound values than the
// SQLite driver takes (999), and one multi-row INSERT per slice is far cheaper than a row at a time.
import { Prisma } from "@/lib/generated/prisma/client";

export const IDS_PER_QUERY = 500;

/** `items` in consecutive slices of at most `size`. */
function* slices<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

export async function inIdChunks<R>(ids: readonly string[], run: (chunk: string[]) => Promise<R[]>): Promise<R[]> {
  const results: R[] = [];
  for (const chunk of slices(ids, IDS_PER_QUERY)) results.push(...(await run(chunk)));
  return results;
}

/**
 * One multi-row statement per slice of `rows`: `statement` gets the slice as a VALUES list,
 * `(?, ?), (?, ?), …`, whose parameters are `columnsOf` each row, bound by Prisma.
 */
export async function inRowSlices<Row>(
  rows: readonly Row[],
  rowsPerStatement: number,
  columnsOf: (row: Row) => readonly unknown[],
  statement: (values: Prisma.Sql) => Promise<unknown>,
): Promise<void> {
  for (const slice of slices(rows, rowsPerStatement)) {
    await statement(Prisma.join(slice.map((row) => Prisma.sql`(${Prisma.join(columnsOf(row))})`)));
  }
}
