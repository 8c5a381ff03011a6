// Email and password sign-in: lockout first, then argon2 verification, then the audit line.
import { type AuditContext } from "@/lib/audit/audit-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { TooManyRequestsError } from "@/lib/errors";
import type { User } from "@/lib/generated/prisma/client";
import { decoyPasswordHash, verifyPassword } from "./password";
import { clearSignInFailures, currentLockout, type Lockout, recordSignInFailure } from "./sign-in-guard";

export class SignInLockedError extends TooManyRequestsError {
  override name = "SignInLockedError";
  constructor(readonly lockout: Lockout) {
    super(`too many failed sign-ins; try again in ${Math.ceil(lockout.retryAfterSeconds / 60)} minute(s)`, lockout.headers);
  }
}

/** The user when the password is right and the account enabled; null otherwise. Throws SignInLockedError while locked out. */
export async function signInWithPassword(
  credentials: { email: string; password: string },
  request: { ip: string | null; requestId: string | null },
): Promise<User | null> {
  const email = credentials.email.trim().toLowerCase();
  const lockout = await currentLockout(email, request.ip);
  if (lockout) throw new SignInLockedError(lockout);

  const user = await db.user.findUnique({ where: { email } });
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), credentials.password);
  const audit: AuditContext = { actorId: user?.id ?? null, actorEmail: email, ip: request.ip, requestId: request.requestId };

  if (!user || !passwordMatches || user.disabledAt) {
    const lockedNow = await recordSignInFailure(email, request.ip);
    await db.$transaction(async (tx) => {
      const reason = !user ? "no such user" : !passwordMatches ? "wrong password" : "the user is disabled";
      await recordAudit(tx, audit, { action: "auth.sign_in_failed", targetType: "user", targetId: user?.id ?? null, summary: reason });
      if (lockedNow) {
        await recordAudit(tx, audit, {
          action: "auth.lockout",
          targetType: "user",
          targetId: user?.id ?? null,
          summary: `sign-in locked for ${env.SIGNIN_LOCKOUT_SECONDS} s after repeated failures`,
        });
      }
    });
    return null;
  }

  await clearSignInFailures(email);
  return db.$transaction(async (tx) => {
    const signedIn = await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await recordAudit(tx, audit, { action: "auth.sign_in", targetType: "user", targetId: user.id, summary: "signed in with password" });
    return signedIn;
  });
}
