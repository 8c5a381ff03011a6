// One audit line, written with the transaction client of the change it records.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditContext } from "./audit-context";

export interface AuditChange {
  action: string;
  targetType: string;
  targetId: string | null;
  summary: string;
}

export async function recordAudit(tx: Prisma.TransactionClient, context: AuditContext, change: AuditChange): Promise<void> {
  await tx.auditEntry.create({
    data: {
      actorId: context.actorId,
      actorEmail: context.actorEmail,
      action: change.action,
      targetType: change.targetType,
      targetId: change.targetId,
      summary: change.summary.slice(0, 500),
      ip: context.ip,
      requestId: context.requestId,
    },
  });
}
