// Pages of a list, for every list route: the query (page, page_size), the envelope's schema and
// type, and the rows to fetch for a page.
import { z } from "zod";

const pageNumber = z.coerce.number({ error: "must be a whole number" }).int({ error: "must be a whole number" });

/** The page fields of a list route's query, spread into its query schema. */
export const paginationQuery = {
  page: pageNumber.min(1, { error: "must be 1 or more" }).default(1),
  page_size: pageNumber.min(1, { error: "must be from 1 to 100" }).max(100, { error: "must be from 1 to 100" }).default(20),
};

const pageFields = { total: z.int(), page: z.int(), page_size: z.int() };

/** The envelope of a list answer around its item schema. */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), ...pageFields });

export type Page<T> = { items: T[] } & z.infer<z.ZodObject<typeof pageFields>>;

export interface PageQuery {
  page: number;
  page_size: number;
}

/** Prisma's skip/take for the requested page. */
export function pageWindow(query: PageQuery): { skip: number; take: number } {
  return { skip: (query.page - 1) * query.page_size, take: query.page_size };
}

export function toPage<T>(items: T[], total: number, query: PageQuery): Page<T> {
  return { items, total, page: query.page, page_size: query.page_size };
}
