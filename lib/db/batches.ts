// Long lists go to the database in slices: Prisma refuses a query with more bound values than the
// SQLite driver takes (999), and one multi-row INSERT per slice is far cheaper than a row at a time.
export const IDS_PER_QUERY = 500;

/** `items` in consecutive slices of at most `size`. */
export function* slices<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

export async function inIdChunks<R>(ids: readonly string[], run: (chunk: string[]) => Promise<R[]>): Promise<R[]> {
  const results: R[] = [];
  for (const chunk of slices(ids, IDS_PER_QUERY)) results.push(...(await run(chunk)));
  return results;
}

/** `(?, ?), (?, ?), …`: the VALUES list of a multi-row statement. */
export function valuesPlaceholders(rows: number, columns: number): string {
  const row = `(${Array.from({ length: columns }, () => "?").join(", ")})`;
  return Array.from({ length: rows }, () => row).join(", ");
}
