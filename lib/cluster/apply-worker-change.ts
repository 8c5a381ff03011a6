// Carries out a planned worker change: rows first (the cluster `scaling`, new workers `starting`,
// stopped ones `inactive`), then the runtime. Shared by scaling and reactivation, which then settle.
import { db } from "@/lib/db";
import type { ClusterActionOptions } from "./action-options";
import { recordClusterChange } from "./change-feed";
import { type AgentInsert, insertAgents } from "./insert-agents";
import { startAgents } from "./start-agents";
import type { WorkerChange } from "./worker-pool";

export async function applyWorkerChange(
  clusterId: string,
  change: WorkerChange,
  { runtime }: Pick<ClusterActionOptions, "runtime">,
): Promise<{ started: string[]; failed: string[] }> {
  const newRows = change.start.map((worker): AgentInsert => ({
    id: `agent-${crypto.randomUUID()}`,
    clusterId,
    name: worker.name,
    definition: worker.definition.name,
    ordinal: worker.ordinal,
    role: "worker",
    status: "starting",
    supervisorId: worker.supervisorId,
    capabilitiesJson: JSON.stringify(worker.definition.capabilities ?? []),
    skillsJson: JSON.stringify(worker.definition.skills ?? []),
    configJson: JSON.stringify(worker.definition.config ?? {}),
  }));
  await db.$transaction(async (tx) => {
    await tx.cluster.update({ where: { id: clusterId }, data: { status: "scaling" } });
    await recordClusterChange(tx, clusterId);
    if (change.stop.length) {
      await tx.agent.updateMany({ where: { id: { in: change.stop.map((agent) => agent.id) } }, data: { status: "inactive" } });
    }
    if (change.wake.length) {
      await tx.agent.updateMany({ where: { id: { in: change.wake.map((agent) => agent.id) } }, data: { status: "starting" } });
    }
    if (newRows.length) await insertAgents(tx, newRows);
  });

  await Promise.allSettled(change.stop.map((agent) => runtime.stop(agent.id)));
  const hibernated = change.wake.filter((agent) => agent.status === "hibernated");
  const resumeOutcomes = await Promise.allSettled(hibernated.map((agent) => runtime.resume(agent.id)));
  const woken = change.wake.filter((agent) => agent.status !== "hibernated").map((agent) => agent.id);
  const toStart = [...newRows, ...(woken.length ? await db.agent.findMany({ where: { id: { in: woken } } }) : [])];
  const failed = [
    ...hibernated.filter((_, index) => resumeOutcomes[index]!.status === "rejected").map((agent) => agent.id),
    ...(await startAgents(runtime, toStart)),
  ];
  return { started: [...newRows.map((row) => row.id), ...change.wake.map((agent) => agent.id)], failed };
}
