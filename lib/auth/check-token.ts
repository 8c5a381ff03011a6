// checkToken: the token and its owner for a presented secret, or why it does not authenticate.
import { db } from "@/lib/db";
import type { ApiToken, User } from "@/lib/generated/prisma/client";
import type { Role } from "./roles";
import { hashTokenSecret } from "./token-secret";
import { parseUserRecord } from "./user-record";

/** Writing last use at most this often keeps a busy script from turning every read into a write. */
const LAST_USED_RESOLUTION_MS = 60_000;

type TokenCheck =
  | { ok: true; token: ApiToken & { user: Pick<User, "id" | "email" | "name" | "disabledAt"> & { role: Role } } }
  | { ok: false; reason: string };

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
  return { ok: true, token: { ...token, user: parseUserRecord(token.user) } };
}
