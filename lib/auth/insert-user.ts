// The one place a user row is written new, for an admin's request and for the first admin alike.
import type { Prisma, User } from "@/lib/generated/prisma/client";
import type { CreateUserRequest } from "./api-schema";

export function insertUser(tx: Prisma.TransactionClient, input: CreateUserRequest, passwordHash: string): Promise<User> {
  return tx.user.create({
    data: { id: crypto.randomUUID(), email: input.email, name: input.name ?? null, role: input.role, passwordHash },
  });
}
