// Carries out a planned worker change: rows first (new workers `starting`, stopped ones
// `inactive`), then the runtime, then the settled counts. Shared by scaling and reactivation.
import { db } from "@/lib/db";
import type { Cluster } from "@/lib/generated/prisma/client";
import type { AgentRuntime } from "@/lib/runtime/agent-runtime";
import { startAgents } from "./cluster-store";
import type { WorkerChange } from "./worker-pool";

export async function applyWorkerChange(cluster: Cluster, change: WorkerChange, runtime: AgentRuntime, transitionalStatus: string): Promise<{ started: string[]; failed: string[] }> {
  const newIds = change.start.map(() => `agent-${crypto.randomUUID()}`);
  await db.$transaction(async (tx) => {
    await tx.cluster.update({ where: { id: cluster.id }, data: { status: transitionalStatus } });
    if (change.stop.length) {
      await tx.agent.updateMany({ where: { id: { in: change.stop.map((agent) => agent.id) } }, data: { status: "inactive" } });
    }
    if (change.wake.length) {
      await tx.agent.updateMany({ where: { id: { in: change.wake.map((agent) => agent.id) } }, data: { status: "starting" } });
    }
    if (change.start.length) {
      await tx.agent.createMany({
        data: change.start.map((worker, index) => ({
          id: newIds[index]!,
          clusterId: cluster.id,
          name: worker.name,
          definition: worker.definition.name,
          ordinal: worker.ordinal,
          role: "worker",
          status: "starting",
          supervisorId: worker.supervisorId,
          capabilitiesJson: JSON.stringify(worker.definition.capabilities ?? []),
          skillsJson: JSON.stringify(worker.definition.skills ?? []),
          configJson: JSON.stringify(worker.definition.config ?? {}),
        })),
      });
    }
  });

  await Promise.allSettled(change.stop.map((agent) => runtime.stop(agent.id)));
  const hibernated = change.wake.filter((agent) => agent.status === "hibernated");
  const resumeOutcomes = await Promise.allSettled(hibernated.map((agent) => runtime.resume(agent.id)));
  const toStart = await db.agent.findMany({
    where: { id: { in: [...newIds, ...change.wake.filter((agent) => agent.status !== "hibernated").map((agent) => agent.id)] } },
  });
  const failed = [
    ...hibernated.filter((_, index) => resumeOutcomes[index]!.status === "rejected").map((agent) => agent.id),
    ...(await startAgents(runtime, toStart)),
  ];
  return { started: [...newIds, ...change.wake.map((agent) => agent.id)], failed };
}
