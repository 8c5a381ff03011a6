// Who is calling: an API token (Authorization: Bearer) or the session cookie. The token and user
// rows are read at most every half second per token or user (principal-cache.ts); the services
// that revoke tokens or change users clear that cache, so their changes take effect at once.
import { decode } from "next-auth/jwt";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { UnauthenticatedError } from "@/lib/errors";
import { authSecret } from "./auth-secret";
import { checkToken } from "./check-token";
import { principalCache } from "./principal-cache";
import type { Role } from "./roles";
import { hashTokenSecret } from "./token-secret";
import { parseUserRecord } from "./user-record";

export interface Principal {
  userId: string;
  email: string;
  name: string | null;
  role: Role;
  via: "session" | "token";
  tokenId: string | null;
}

export const SESSION_COOKIE = env.NEXTAUTH_URL?.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";

/** The principal, or null for a request without credentials. Throws UnauthenticatedError for bad ones. */
export async function authenticateRequest(headers: Headers): Promise<Principal | null> {
  const authorization = headers.get("authorization");
  if (authorization !== null) return authenticateBearer(authorization);
  const userId = await sessionUserId(headers.get("cookie"));
  if (!userId) return null;
  return principalCache().get(`user:${userId}`, async () => ({ value: await sessionPrincipal(userId) }));
}

async function sessionPrincipal(userId: string): Promise<Principal> {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) throw new UnauthenticatedError("the session's user no longer exists; sign in again");
  if (user.disabledAt) throw new UnauthenticatedError("the user is disabled");
  const { role } = parseUserRecord(user);
  return { userId: user.id, email: user.email, name: user.name, role, via: "session", tokenId: null };
}

async function authenticateBearer(authorization: string): Promise<Principal> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) throw new UnauthenticatedError("send the API token as Authorization: Bearer <token>");
  const secret = match[1]!;
  return principalCache().get(`token:${hashTokenSecret(secret)}`, async () => {
    const check = await checkToken(secret);
    if (!check.ok) throw new UnauthenticatedError(check.reason);
    const { user } = check.token;
    return {
      value: { userId: user.id, email: user.email, name: user.name, role: user.role, via: "token", tokenId: check.token.id },
      until: check.token.expiresAt,
    };
  });
}

/** The user id in a valid session cookie (next-auth's encrypted JWT, possibly split into chunks). */
async function sessionUserId(cookieHeader: string | null): Promise<string | null> {
  if (!cookieHeader) return null;
  const chunks = cookieHeader
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part.startsWith(SESSION_COOKIE))
    .map((part) => ({ name: part.slice(0, part.indexOf("=")), value: part.slice(part.indexOf("=") + 1) }))
    .sort((a, b) => chunkIndex(a.name) - chunkIndex(b.name));
  if (chunks.length === 0) return null;
  try {
    const token = await decode({ token: decodeURIComponent(chunks.map((chunk) => chunk.value).join("")), secret: authSecret() });
    return typeof token?.sub === "string" ? token.sub : null;
  } catch {
    return null;
  }
}

function chunkIndex(name: string): number {
  const suffix = /\.(\d+)$/.exec(name);
  return suffix ? Number(suffix[1]) : 0;
}
