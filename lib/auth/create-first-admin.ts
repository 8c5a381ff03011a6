// createFirstAdmin: the first admin, from the setup page or ADMIN_EMAIL/ADMIN_PASSWORD.
import { type AuditContext, systemAudit } from "@/lib/audit/audit-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import type { CreateUserRequest, UserView } from "./api-schema";
import { insertUser } from "./insert-user";
import { hashPassword } from "./password";
import { toUserView } from "./user-record";

/** Refused once any user exists. The new admin is the audit line's actor unless `audit` names one. */
export async function createFirstAdmin(input: Omit<CreateUserRequest, "role">, options: { audit?: AuditContext } = {}): Promise<UserView> {
  const passwordHash = await hashPassword(input.password);
  const row = await db.$transaction(async (tx) => {
    if ((await tx.user.count()) > 0) throw new ConflictError("the console is already set up; sign in instead");
    const created = await insertUser(tx, { ...input, role: "admin" }, passwordHash);
    const audit = options.audit ?? systemAudit("setup");
    await recordAudit(
      tx,
      { ...audit, actorId: audit.actorId ?? created.id },
      { action: "user.setup", targetType: "user", targetId: created.id, summary: `created the first admin ${created.email}` },
    );
    return created;
  });
  return toUserView(row);
}
