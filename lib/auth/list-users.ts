// listUsers: every user, by email, a page at a time.
import { db } from "@/lib/db";
import { type PageQuery, pageWindow, toPage } from "@/lib/shapes/pagination";
import { toUserView } from "./user-record";

export async function listUsers(query: PageQuery) {
  const [rows, total] = await db.$transaction([db.user.findMany({ orderBy: { email: "asc" }, ...pageWindow(query) }), db.user.count()]);
  return toPage(rows.map(toUserView), total, query);
}
