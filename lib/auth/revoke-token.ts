// revokeToken: a token of the caller's own, or any token for an admin; revoking twice changes nothing.
import type { AuditContext } from "@/lib/audit/audit-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { notifyInstances } from "@/lib/db/instance-signals";
import { NotFoundError } from "@/lib/errors";
import type { TokenView } from "./api-schema";
import { forgetPrincipals } from "./principal-cache";
import { toTokenView } from "./token-record";

export async function revokeToken(
  id: string,
  caller: { id: string; isAdmin: boolean },
  options: { audit: AuditContext },
): Promise<TokenView> {
  const view = await db.$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id }, include: { user: { select: { email: true } } } });
    // Someone else's token is reported as missing: its existence is not the caller's business.
    if (!token || (!caller.isAdmin && token.userId !== caller.id)) throw new NotFoundError("token", id);
    if (token.revokedAt) return toTokenView(token, token.user.email);
    const revoked = await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await notifyInstances(tx, "principals_changed");
    await recordAudit(tx, options.audit, {
      action: "token.revoke",
      targetType: "token",
      targetId: id,
      summary: `revoked token "${token.name}" of ${token.user.email}`,
    });
    return toTokenView(revoked, token.user.email);
  });
  // After the commit: a lookup from before it must not keep the token alive in this process.
  forgetPrincipals();
  return view;
}
