// createToken: a new API token with a random secret, shown in this answer and never again.
import { randomBytes } from "node:crypto";
import type { AuditContext } from "@/lib/audit/audit-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import type { CreatedTokenView, CreateTokenRequest } from "./api-schema";
import { toTokenView } from "./token-record";
import { hashTokenSecret } from "./token-secret";

const TOKEN_PREFIX = "cct_";

export async function createToken(
  owner: { id: string; email: string },
  input: CreateTokenRequest,
  options: { audit: AuditContext },
): Promise<CreatedTokenView> {
  const secret = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        id: crypto.randomUUID(),
        userId: owner.id,
        name: input.name,
        prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
        secretHash: hashTokenSecret(secret),
        expiresAt: input.expires_at === undefined ? null : new Date(input.expires_at),
      },
    });
    const expiry = created.expiresAt ? `, expires ${created.expiresAt.toISOString()}` : "";
    await recordAudit(tx, options.audit, {
      action: "token.create",
      targetType: "token",
      targetId: created.id,
      summary: `token "${created.name}" for ${owner.email}${expiry}`,
    });
    return created;
  });
  return { ...toTokenView(row, owner.email), token: secret };
}
