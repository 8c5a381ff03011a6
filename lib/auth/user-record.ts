// A stored user: its role as the domain's type, and the API's shape, never the password hash.
import { parseStoredValue } from "@/lib/db/stored-value";
import type { User } from "@/lib/generated/prisma/client";
import type { UserView } from "./api-schema";
import { type Role, ROLES } from "./roles";

export function parseUserRecord<Row extends Pick<User, "role">>(row: Row): Row & { role: Role } {
  return { ...row, role: parseStoredValue(ROLES, row.role, "users.role") };
}

export function toUserView(stored: User): UserView {
  const row = parseUserRecord(stored);
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabledAt !== null,
    created_at: row.createdAt.toISOString(),
    last_sign_in_at: row.lastSignInAt?.toISOString() ?? null,
  };
}
