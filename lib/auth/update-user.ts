// updateUser: change a user's name, role, password or disabled state; at least one enabled admin
// always remains.
import type { AuditContext } from "@/lib/audit/audit-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { notifyInstances } from "@/lib/db/instance-signals";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { User } from "@/lib/generated/prisma/client";
import type { UpdateUserRequest, UserView } from "./api-schema";
import { hashPassword } from "./password";
import { forgetPrincipals } from "./principal-cache";
import { toUserView } from "./user-record";

export async function updateUser(id: string, changes: UpdateUserRequest, options: { audit: AuditContext }): Promise<UserView> {
  const passwordHash = changes.password === undefined ? undefined : await hashPassword(changes.password);
  const row = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id } });
    if (!user) throw new NotFoundError("user", id);
    const losesAdmin =
      user.role === "admin" &&
      user.disabledAt === null &&
      ((changes.role !== undefined && changes.role !== "admin") || changes.disabled === true);
    if (losesAdmin && (await tx.user.count({ where: { role: "admin", disabledAt: null } })) === 1) {
      throw new ConflictError(`${user.email} is the only enabled admin; make another user admin first`);
    }
    const disabledAt = changes.disabled === undefined ? undefined : changes.disabled ? (user.disabledAt ?? new Date()) : null;
    const updated = await tx.user.update({ where: { id }, data: { name: changes.name, role: changes.role, disabledAt, passwordHash } });
    // Role, name and disabled state are part of every cached principal of this user, on every instance.
    await notifyInstances(tx, "principals_changed");
    await recordAudit(tx, options.audit, {
      action: "user.update",
      targetType: "user",
      targetId: id,
      summary: `${user.email}: ${describeUserChange(user, changes)}`,
    });
    return updated;
  });
  forgetPrincipals();
  return toUserView(row);
}

function describeUserChange(user: User, changes: UpdateUserRequest): string {
  const parts: string[] = [];
  if (changes.role !== undefined && changes.role !== user.role) parts.push(`role ${user.role} -> ${changes.role}`);
  if (changes.disabled !== undefined && changes.disabled !== (user.disabledAt !== null))
    parts.push(changes.disabled ? "disabled" : "enabled");
  if (changes.name !== undefined && changes.name !== user.name) parts.push("name changed");
  if (changes.password !== undefined) parts.push("password changed");
  return parts.length ? parts.join(", ") : "no change";
}
