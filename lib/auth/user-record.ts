// A stored user as the API shows it: never the password hash.
import type { User } from "@/lib/generated/prisma/client";
import type { UserView } from "./api-schema";
import type { Role } from "./roles";

export function toUserView(row: User): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    disabled: row.disabledAt !== null,
    created_at: row.createdAt.toISOString(),
    last_sign_in_at: row.lastSignInAt?.toISOString() ?? null,
  };
}
