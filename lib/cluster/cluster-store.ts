// Reading and finishing cluster actions: the steps every lifecycle service shares.
import type { AuditContext } from "@/lib/audit/audit-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { loadBlueprint } from "@/lib/blueprint/load";
import type { Blueprint } from "@/lib/blueprint/schema";
import { db } from "@/lib/db";
import { assertRevisionMatches, InvalidInputError, NotFoundError } from "@/lib/errors";
import type { Agent, Cluster } from "@/lib/generated/prisma/client";
import type { AgentRuntime, RuntimeAgent } from "@/lib/runtime/agent-runtime";
import { recordClusterChange } from "./change-feed";
import type { ClusterStatus } from "./state-machine";

export async function findClusterOrThrow(id: string): Promise<Cluster> {
  const cluster = await db.cluster.findUnique({ where: { id } });
  if (!cluster) throw new NotFoundError("cluster", id);
  return cluster;
}

export function assertRevision(cluster: Cluster, ifMatch: number | undefined): void {
  assertRevisionMatches("cluster", cluster.revision, ifMatch);
}

export function assertTargetWithinBounds(cluster: Pick<Cluster, "minWorkers" | "maxWorkers">, target: number): void {
  if (target >= cluster.minWorkers && target <= cluster.maxWorkers) return;
  throw new InvalidInputError(`target_workers must lie within [${cluster.minWorkers}, ${cluster.maxWorkers}]`, [
    { path: "target_workers", message: `${target} is outside [${cluster.minWorkers}, ${cluster.maxWorkers}]` },
  ]);
}

/** The blueprint the cluster was spawned from, at the revision it records. */
export async function loadClusterBlueprint(cluster: Pick<Cluster, "blueprintId" | "blueprintRevision">): Promise<Blueprint> {
  const revision = await db.blueprintRevision.findFirst({
    where: { blueprintId: cluster.blueprintId, revision: cluster.blueprintRevision },
  });
  if (!revision) throw new NotFoundError("blueprint revision", `${cluster.blueprintId} revision ${cluster.blueprintRevision}`);
  return loadBlueprint(revision.blueprintYaml);
}

/** The stored fields an agent is started from; rows just inserted carry them too. */
export type StartableAgent = Pick<Agent, "id" | "clusterId" | "name" | "role" | "capabilitiesJson" | "skillsJson" | "configJson">;

export function toRuntimeAgent(agent: StartableAgent): RuntimeAgent {
  return {
    agentId: agent.id,
    clusterId: agent.clusterId,
    name: agent.name,
    role: agent.role,
    capabilities: JSON.parse(agent.capabilitiesJson) as string[],
    skills: JSON.parse(agent.skillsJson) as string[],
    config: JSON.parse(agent.configJson) as Record<string, unknown>,
  };
}

/** Starts agents through the runtime; returns the ids of those that failed. */
export async function startAgents(runtime: AgentRuntime, agents: readonly StartableAgent[]): Promise<string[]> {
  const outcomes = await Promise.allSettled(agents.map((agent) => runtime.start(toRuntimeAgent(agent))));
  return agents.filter((_, index) => outcomes[index]!.status === "rejected").map((agent) => agent.id);
}

export interface SettleChange {
  started: string[];
  failed: string[];
  status: ClusterStatus;
  event: {
    kind: "created" | "scaled" | "hibernated" | "reactivated" | "recovered";
    reason: string;
    fromStatus: string;
    fromWorkers: number;
  };
  audit: AuditContext;
}

const AUDIT_ACTIONS: Record<SettleChange["event"]["kind"], string> = {
  created: "cluster.create",
  scaled: "cluster.scale",
  hibernated: "cluster.hibernate",
  reactivated: "cluster.reactivate",
  recovered: "cluster.recover",
};

/**
 * Marks started agents active and failed ones failed, sets the cluster's worker count and health,
 * and writes the cluster event and the audit line in the same transaction.
 */
export async function settleCluster(
  clusterId: string,
  change: SettleChange,
  extra: Partial<Pick<Cluster, "targetWorkers" | "startedAt" | "hibernatedAt">> = {},
): Promise<Cluster> {
  return db.$transaction(async (tx) => {
    // Every agent still `starting` was started just now; selecting them by status keeps the
    // statement small where an id list would bind a thousand parameters.
    if (change.failed.length) await tx.agent.updateMany({ where: { id: { in: change.failed } }, data: { status: "failed" } });
    if (change.started.length) await tx.agent.updateMany({ where: { clusterId, status: "starting" }, data: { status: "active" } });
    const counts = await tx.agent.groupBy({ by: ["role", "status"], where: { clusterId }, _count: { _all: true } });
    const count = (predicate: (row: (typeof counts)[number]) => boolean) =>
      counts.filter(predicate).reduce((sum, row) => sum + row._count._all, 0);
    const currentWorkers = count((row) => row.role === "worker" && row.status === "active");
    const failedAgents = count((row) => row.status === "failed");
    const expected = count((row) => row.status === "active" || row.status === "failed" || row.status === "hibernated");
    const cluster = await tx.cluster.update({
      where: { id: clusterId },
      data: {
        status: change.status,
        currentWorkers,
        healthScore: expected === 0 ? 1 : Math.round((1 - failedAgents / expected) * 1000) / 1000,
        revision: { increment: 1 },
        ...extra,
      },
    });
    await tx.clusterEvent.create({
      data: {
        clusterId,
        kind: change.event.kind,
        fromStatus: change.event.fromStatus,
        toStatus: change.status,
        fromWorkers: change.event.fromWorkers,
        toWorkers: currentWorkers,
        reason: change.event.reason,
        actor: change.audit.actorEmail,
      },
    });
    await recordClusterChange(tx, clusterId);
    await recordAudit(tx, change.audit, {
      action: AUDIT_ACTIONS[change.event.kind],
      targetType: "cluster",
      targetId: clusterId,
      summary: `${cluster.name}: ${change.event.reason}; workers ${change.event.fromWorkers} -> ${currentWorkers}, ${cluster.status}`,
    });
    return cluster;
  });
}
