// The audit log, newest first: filter by actor (email, partial), action (exact or prefix such as
// "cluster."), target (an id, or a type such as "cluster") and time.
import { db } from "@/lib/db";
import type { AuditEntry, Prisma } from "@/lib/generated/prisma/client";
import type { AuditEntryView, ListAuditQuery } from "./api-schema";
import { pageWindow, toPage } from "@/lib/shapes/pagination";

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
  const [rows, total] = await db.$transaction([
    db.auditEntry.findMany({ where, orderBy: { id: "desc" }, ...pageWindow(query) }),
    db.auditEntry.count({ where }),
  ]);
  return toPage(rows.map(toAuditEntryView), total, query);
}

function toAuditEntryView(row: AuditEntry): AuditEntryView {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actorEmail,
    action: row.action,
    target_type: row.targetType,
    target_id: row.targetId,
    summary: row.summary,
    ip: row.ip,
    request_id: row.requestId,
  };
}
