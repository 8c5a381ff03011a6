// A stored API token as the API shows it: never the secret's hash.
import type { ApiToken } from "@/lib/generated/prisma/client";
import type { TokenView } from "./api-schema";

export function toTokenView(row: ApiToken, ownerEmail: string): TokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    owner_email: ownerEmail,
    created_at: row.createdAt.toISOString(),
    expires_at: row.expiresAt?.toISOString() ?? null,
    last_used_at: row.lastUsedAt?.toISOString() ?? null,
    revoked_at: row.revokedAt?.toISOString() ?? null,
  };
}
