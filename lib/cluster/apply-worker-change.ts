// Carries out a planned worker change: rows first (the cluster `scaling`, new workers `starting`,
// stopped ones `inactive`), then the runtime. Shared by scaling and reactivation, which then settle.
// The workers it starts or wakes run in this runtime and are recorded as its own; the ones it stops
// may run in another console instance, which stops them when it sees their rows.
import { db } from "@/lib/db";
import type { ClusterActionOptions } from "./action-options";
import { recordClusterChange } from "./change-feed";
import { type AgentInsert, insertAgents } from "./insert-agents";
import { startAgents, wakeAgents } from "./start-agents";
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
    runtimeOwner: runtime.instanceId,
  }));
  await db.$transaction(async (tx) => {
    await tx.cluster.update({ where: { id: clusterId }, data: { status: "scaling" } });
    await recordClusterChange(tx, clusterId);
    if (change.stop.length) {
      await tx.agent.updateMany({ where: { id: { in: change.stop.map((agent) => agent.id) } }, data: { status: "inactive" } });
    }
    if (change.wake.length) {
      await tx.agent.updateMany({
        where: { id: { in: change.wake.map((agent) => agent.id) } },
        data: { status: "starting", runtimeOwner: runtime.instanceId },
      });
    }
    if (newRows.length) await insertAgents(tx, newRows);
  });

  await Promise.allSettled(change.stop.map((agent) => runtime.stop(agent.id)));
  const woken = change.wake.length ? await db.agent.findMany({ where: { id: { in: change.wake.map((agent) => agent.id) } } }) : [];
  const failed = [...(await wakeAgents(runtime, woken)), ...(await startAgents(runtime, newRows))];
  return { started: [...newRows.map((row) => row.id), ...change.wake.map((agent) => agent.id)], failed };
}
