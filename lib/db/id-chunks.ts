// Prisma refuses a query with more bound values than the SQLite driver takes (999), so a long id
// list is read or written in slices.
export const IDS_PER_QUERY = 500;

export async function inIdChunks<R>(ids: readonly string[], run: (chunk: string[]) => Promise<R[]>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < ids.length; start += IDS_PER_QUERY) results.push(...(await run(ids.slice(start, start + IDS_PER_QUERY))));
  return results;
}
