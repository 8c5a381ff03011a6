// createCluster: blueprint -> spawn plan -> `spawning` -> every agent started -> `active`.
// A failure before the cluster settles removes the cluster and its agents again. The cluster's lock
// is taken before its row exists and held until it settles, so recovery on another instance never
// takes a cluster being created for one a crash left `spawning`.
import { findCurrentBlueprint } from "@/lib/blueprint/get-blueprint";
import { loadBlueprint } from "@/lib/blueprint/load";
import { planCluster } from "@/lib/blueprint/plan";
import { db } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import type { ClusterActionOptions } from "./action-options";
import type { CreateClusterRequest } from "./api-schema";
import { recordClusterChange, removeCluster } from "./change-feed";
import { withClusterLock } from "./cluster-lock";
import { type AgentInsert, insertAgents } from "./insert-agents";
import { assertExecutorOverrideAllowed } from "./check-executor-override";
import { mergeConfig } from "./merge-config";
import { settleCluster } from "./settle-cluster";
import { startAgents } from "./start-agents";

export async function createCluster(input: CreateClusterRequest, options: Pick<ClusterActionOptions, "runtime" | "audit">) {
  const { row: stored, yaml, revision } = await findCurrentBlueprint(input.blueprint_id);
  if (!stored.isActive) throw new ConflictError(`blueprint "${stored.id}" is deactivated; activate it to create clusters from it`);
  const blueprint = loadBlueprint(yaml);
  assertExecutorOverrideAllowed(input.config);
  const plan = planCluster(blueprint, input);
  const definitions = new Map(blueprint.agents.map((definition) => [definition.name, definition]));

  const clusterId = crypto.randomUUID();
  const idByName = new Map(plan.agents.map((agent) => [agent.name, `agent-${crypto.randomUUID()}`]));
  const ordinals = new Map<string, number>();
  const agentRows = plan.agents.map((agent): AgentInsert => {
    const definition = definitions.get(agent.definition)!;
    const ordinal = (ordinals.get(agent.definition) ?? 0) + 1;
    ordinals.set(agent.definition, ordinal);
    return {
      id: idByName.get(agent.name)!,
      clusterId,
      name: agent.name,
      definition: agent.definition,
      ordinal,
      role: agent.role,
      status: "starting",
      supervisorId: agent.supervisor === null ? null : idByName.get(agent.supervisor)!,
      capabilitiesJson: JSON.stringify(definition.capabilities ?? []),
      skillsJson: JSON.stringify(definition.skills ?? []),
      configJson: JSON.stringify(definition.config ?? {}),
      runtimeOwner: options.runtime.instanceId,
    };
  });

  // Taken before the cluster's row exists, held until it settles or is removed again.
  return withClusterLock(clusterId, async () => {
    await db.$transaction(async (tx) => {
      await tx.cluster.create({
        data: {
          id: clusterId,
          name: input.name,
          description: input.description ?? stored.description,
          type: input.type ?? blueprint.cluster.type,
          status: "spawning",
          blueprintId: stored.id,
          blueprintVersion: blueprint.metadata.version,
          blueprintRevision: revision,
          minWorkers: plan.min_workers,
          maxWorkers: plan.max_workers,
          targetWorkers: plan.target_workers,
          configJson: JSON.stringify(mergeConfig(blueprint.cluster.config ?? {}, input.config ?? {})),
          createdBy: options.audit.actorEmail,
        },
      });
      await insertAgents(tx, agentRows);
      await recordClusterChange(tx, clusterId);
    });

    try {
      const failed = await startAgents(options.runtime, agentRows);
      return await settleCluster(
        clusterId,
        {
          started: agentRows.map((agent) => agent.id),
          failed,
          status: "active",
          event: {
            kind: "created",
            reason: `spawned from ${stored.id}@${blueprint.metadata.version}`,
            fromStatus: "spawning",
            fromWorkers: 0,
          },
          fields: { startedAt: new Date() },
        },
        options,
      );
    } catch (error) {
      await Promise.allSettled(agentRows.map((agent) => options.runtime.stop(agent.id)));
      await db.$transaction((tx) => removeCluster(tx, clusterId));
      throw error;
    }
  });
}
