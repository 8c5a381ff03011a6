// API tokens: a random secret shown once; only its SHA-256 is stored (the secret has 256 bits of
// entropy, so a slow password hash would add nothing but latency to every request).
import { createHash, randomBytes } from "node:crypto";
import type { AuditContext } from "@/lib/audit/audit-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { ApiToken } from "@/lib/generated/prisma/client";
import type { CreatedTokenView, CreateTokenRequest, TokenView } from "./api-schema";

const TOKEN_PREFIX = "cct_";
/** Writing last use at most this often keeps a busy script from turning every read into a write. */
const LAST_USED_RESOLUTION_MS = 60_000;

export const hashTokenSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

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

/** Own tokens, or everyone's for an admin, newest first. */
export async function listTokens(scope: { ownerId: string } | "all"): Promise<TokenView[]> {
  const rows = await db.apiToken.findMany({
    where: scope === "all" ? {} : { userId: scope.ownerId },
    include: { user: { select: { email: true } } },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((row) => toTokenView(row, row.user.email));
}

/** Revokes a token of the caller's own, or any token for an admin; revoking twice changes nothing. */
export async function revokeToken(
  id: string,
  caller: { id: string; isAdmin: boolean },
  options: { audit: AuditContext },
): Promise<TokenView> {
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id }, include: { user: { select: { email: true } } } });
    // Someone else's token is reported as missing: its existence is not the caller's business.
    if (!token || (!caller.isAdmin && token.userId !== caller.id)) throw new NotFoundError("token", id);
    if (token.revokedAt) return toTokenView(token, token.user.email);
    const revoked = await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, options.audit, {
      action: "token.revoke",
      targetType: "token",
      targetId: id,
      summary: `revoked token "${token.name}" of ${token.user.email}`,
    });
    return toTokenView(revoked, token.user.email);
  });
}

export type TokenCheck =
  | { ok: true; token: ApiToken & { user: { id: string; email: string; name: string | null; role: string; disabledAt: Date | null } } }
  | { ok: false; reason: string };

/** The token and its owner for a presented secret, or why it does not authenticate. */
export async function checkToken(secret: string, now = new Date()): Promise<TokenCheck> {
  const token = await db.apiToken.findUnique({
    where: { secretHash: hashTokenSecret(secret) },
    include: { user: { select: { id: true, email: true, name: true, role: true, disabledAt: true } } },
  });
  if (!token) return { ok: false, reason: "the API token is not valid" };
  if (token.revokedAt) return { ok: false, reason: "the API token was revoked" };
  if (token.expiresAt && token.expiresAt <= now) return { ok: false, reason: "the API token has expired" };
  if (token.user.disabledAt) return { ok: false, reason: "the token's user is disabled" };
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  return { ok: true, token };
}

function toTokenView(row: ApiToken, ownerEmail: string): TokenView {
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
