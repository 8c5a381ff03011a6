// One page of a list: the rows to fetch for `page` and `page_size`, and the answer's shape.
import type { Page } from "@/lib/blueprint/api-schema";

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
