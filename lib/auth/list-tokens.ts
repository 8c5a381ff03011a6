// listTokens: the caller's own API tokens, or everyone's for an admin, newest first.
import { db } from "@/lib/db";
import type { TokenView } from "./api-schema";
import { toTokenView } from "./token-record";

export async function listTokens(scope: { ownerId: string } | "all"): Promise<TokenView[]> {
  const rows = await db.apiToken.findMany({
    where: scope === "all" ? {} : { userId: scope.ownerId },
    include: { user: { select: { email: true } } },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((row) => toTokenView(row, row.user.email));
}
