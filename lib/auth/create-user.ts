// createUser: an admin adds a user with a role; the email must be free.
import type { AuditContext } from "@/lib/audit/audit-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CreateUserRequest, UserView } from "./api-schema";
import { insertUser } from "./insert-user";
import { hashPassword } from "./password";
import { toUserView } from "./user-record";

export async function createUser(input: CreateUserRequest, options: { audit: AuditContext }): Promise<UserView> {
  const passwordHash = await hashPassword(input.password);
  const row = await db.$transaction(async (tx) => {
    await assertEmailFree(tx, input.email);
    const created = await insertUser(tx, input, passwordHash);
    await recordAudit(tx, options.audit, {
      action: "user.create",
      targetType: "user",
      targetId: created.id,
      summary: `created ${created.email} as ${created.role}`,
    });
    return created;
  });
  return toUserView(row);
}

async function assertEmailFree(tx: Prisma.TransactionClient, email: string): Promise<void> {
  if (await tx.user.findUnique({ where: { email }, select: { id: true } }))
    throw new ConflictError(`a user with email ${email} already exists`);
}
