// The names audit lines show for their targets, read in one query per kind of target; a target
// that no longer exists has no name, and the line shows its id.
import type { Prisma } from "@/lib/generated/prisma/client";

export interface AuditTarget {
  targetType: string;
  targetId: string | null;
}

/** "<type>:<id>" -> the target's name (a cluster's or blueprint's name, a user's email, a token's name). */
export async function readTargetNames(tx: Prisma.TransactionClient, targets: readonly AuditTarget[]): Promise<Map<string, string>> {
  const idsOf = (type: string) => [
    ...new Set(targets.filter((target) => target.targetType === type).flatMap((target) => target.targetId ?? [])),
  ];
  const [clusters, blueprints, users, tokens] = await Promise.all([
    tx.cluster.findMany({ where: { id: { in: idsOf("cluster") } }, select: { id: true, name: true } }),
    tx.blueprint.findMany({ where: { id: { in: idsOf("blueprint") } }, select: { id: true, name: true } }),
    tx.user.findMany({ where: { id: { in: idsOf("user") } }, select: { id: true, email: true } }),
    tx.apiToken.findMany({ where: { id: { in: idsOf("token") } }, select: { id: true, name: true } }),
  ]);
  return new Map([
    ...clusters.map(({ id, name }) => [targetKey("cluster", id), name] as const),
    ...blueprints.map(({ id, name }) => [targetKey("blueprint", id), name] as const),
    ...users.map(({ id, email }) => [targetKey("user", id), email] as const),
    ...tokens.map(({ id, name }) => [targetKey("token", id), name] as const),
  ]);
}

export const targetKey = (type: string, id: string) => `${type}:${id}`;
