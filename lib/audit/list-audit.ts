// The audit log, newest first: filter by actor (email, partial), action (exact or prefix such as
// "cluster."), target (an id, or a type such as "cluster") and time; each line names its target as it is called now.
import { db } from "@/lib/db";
import type { AuditEntry, Prisma } from "@/lib/generated/prisma/client";
import type { AuditEntryView, ListAuditQuery } from "./api-schema";
import { pageWindow, toPage } from "@/lib/shapes/pagination";
import { readTargetNames, targetKey } from "./target-names";

export async function listAudit(query: ListAuditQuery) {
  const where: Prisma.AuditEntryWhereInput = {
    actorEmail: query.actor ? { contains: query.actor.toLowerCase() } : undefined,
    action: query.action ? (query.action.endsWith(".") ? { startsWith: query.action } : query.action) : undefined,
    OR: query.target ? [{ targetId: query.target }, { targetType: query.target }] : undefined,
    at:
      query.from || query.to
        ? { gte: query.from ? new Date(query.from) : undefined, lte: query.to ? new Date(query.to) : undefined }
        : undefined,
  };
  const { rows, total, names } = await db.$transaction(async (tx) => {
    const rows = await tx.auditEntry.findMany({ where, orderBy: { id: "desc" }, ...pageWindow(query) });
    return { rows, total: await tx.auditEntry.count({ where }), names: await readTargetNames(tx, rows) };
  });
  return toPage(
    rows.map((row) => toAuditEntryView(row, row.targetId === null ? null : (names.get(targetKey(row.targetType, row.targetId)) ?? null))),
    total,
    query,
  );
}

function toAuditEntryView(row: AuditEntry, targetName: string | null): AuditEntryView {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actorEmail,
    action: row.action,
    target_type: row.targetType,
    target_id: row.targetId,
    target_name: targetName,
    summary: row.summary,
    ip: row.ip,
    request_id: row.requestId,
  };
}
