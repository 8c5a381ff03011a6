// listBlueprints: the catalogue page by page, filtered by activity, tag and free text.
import { db } from "@/lib/db";
import { containsText } from "@/lib/db/dialect";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { BlueprintSummary, ListBlueprintsQuery } from "./api-schema";
import { toBlueprintSummary } from "./blueprint-record";
import { type Page, pageWindow, toPage } from "@/lib/shapes/pagination";

export async function listBlueprints(query: ListBlueprintsQuery): Promise<Page<BlueprintSummary>> {
  const where: Prisma.BlueprintWhereInput = {
    ...(query.active_only ? { isActive: true } : {}),
    // Tags are stored as a JSON array; the quotes make the match exact.
    ...(query.tag ? { tagsJson: { contains: JSON.stringify(query.tag) } } : {}),
    ...(query.q ? { OR: [{ id: containsText(query.q) }, { name: containsText(query.q) }, { description: containsText(query.q) }] } : {}),
  };
  const [rows, total] = await db.$transaction([
    db.blueprint.findMany({ where, orderBy: { name: "asc" }, ...pageWindow(query) }),
    db.blueprint.count({ where }),
  ]);
  return toPage(rows.map(toBlueprintSummary), total, query);
}
