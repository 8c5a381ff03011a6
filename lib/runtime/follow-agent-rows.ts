// The local driver's agents live in the process that started them, yet any console instance may
// change their rows: a scale, hibernation or deletion through another instance only writes the
// database. This follower keeps the process's agents in line with their rows: an agent runs here
// while its row says it runs (active or starting) and names this runtime its owner, sleeps here
// while the row says hibernated, and is stopped here (drained) once the row says anything else,
// names another owner, or is gone with its cluster. It starts nothing: whoever starts or wakes an
// agent runs it, and agents no live instance runs are taken over by the recovery loop.
//
// It looks when another instance announces a change (NOTIFY cluster_changes), at most every
// FOLLOW_MIN_GAP_MS, and on a backstop poll, since a notice may be lost. A cluster with an action
// under way in this process is skipped and looked at again on the next pass: the action drives the
// runtime itself, and following rows it is half-way through writing would undo its work.
import { ClusterBusyError, withLocalClusterLock } from "@/lib/cluster/cluster-lock";
import { RUNNING_AGENT_STATUSES } from "@/lib/cluster/reconcile-clusters";
import { db } from "@/lib/db";
import { listenToInstances, onInstanceSignalsReconnect } from "@/lib/db/instance-signals";
import { logger } from "@/lib/logger";
import type { RuntimeAgentStatus } from "./agent-runtime";
import type { LocalAgent, LocalAgentRuntime } from "./local-runtime";

const FOLLOW_POLL_MS = 1_000;
/** Changes come in bursts (a thousand tasks finishing announce themselves too): one look covers them. */
const FOLLOW_MIN_GAP_MS = 250;

export interface AgentRowFollower {
  /** Brings the local agents in line with their rows now (tests; the passes run by themselves). */
  follow(): Promise<void>;
  stop(): Promise<void>;
}

export function followAgentRows(runtime: LocalAgentRuntime, options: { pollMs?: number } = {}): AgentRowFollower {
  let passing: Promise<void> | undefined;
  let again = false;
  let lastPass = 0;
  let wakeTimer: NodeJS.Timeout | undefined;
  let stopped = false;

  const pass = (): Promise<void> => {
    if (passing) {
      again = true;
      return passing;
    }
    lastPass = Date.now();
    passing = followOnce(runtime)
      .catch((error: unknown) => logger.warn({ err: error }, "could not follow the agents' rows; trying again"))
      .finally(() => {
        passing = undefined;
        if (again && !stopped) {
          again = false;
          wake();
        }
      });
    return passing;
  };
  const wake = () => {
    if (stopped || wakeTimer) return;
    wakeTimer = setTimeout(
      () => {
        wakeTimer = undefined;
        void pass();
      },
      Math.max(0, lastPass + FOLLOW_MIN_GAP_MS - Date.now()),
    );
  };

  const stopListening = listenToInstances("cluster_changes", wake);
  const stopReconnect = onInstanceSignalsReconnect(wake);
  const poll = setInterval(wake, options.pollMs ?? FOLLOW_POLL_MS);
  poll.unref();
  return {
    async follow() {
      await passing;
      await pass();
    },
    async stop() {
      stopped = true;
      stopListening();
      stopReconnect();
      clearInterval(poll);
      clearTimeout(wakeTimer);
      await passing;
    },
  };
}

type Wanted = RuntimeAgentStatus | "stopped";

/** One pass: the clusters whose local agents differ from their rows, each under its local lock. */
async function followOnce(runtime: LocalAgentRuntime): Promise<void> {
  const local = runtime.localAgents();
  if (local.length === 0) return;
  const rows = await db.agent.findMany({
    where: { runtimeOwner: runtime.instanceId, status: { in: [...RUNNING_AGENT_STATUSES] } },
    select: { id: true, status: true },
  });
  const wanted = new Map(rows.map((row) => [row.id, wantedState(row.status)]));
  const differing = new Set(
    local.filter((agent) => (wanted.get(agent.agentId) ?? "stopped") !== agent.status).map((agent) => agent.clusterId),
  );
  await Promise.all([...differing].map((clusterId) => followCluster(runtime, clusterId)));
}

async function followCluster(runtime: LocalAgentRuntime, clusterId: string): Promise<void> {
  try {
    await withLocalClusterLock(
      clusterId,
      async () => {
        // Read again under the lock: the first read may predate an action of this process that ended since.
        const local = runtime.localAgents().filter((agent) => agent.clusterId === clusterId);
        const rows = await db.agent.findMany({ where: { clusterId }, select: { id: true, status: true, runtimeOwner: true } });
        const wanted = new Map(
          rows.map((row) => [row.id, row.runtimeOwner === runtime.instanceId ? wantedState(row.status) : ("stopped" as const)]),
        );
        await Promise.all(local.map((agent) => bringInLine(runtime, agent, wanted.get(agent.agentId) ?? "stopped")));
      },
      { waitMs: 0 },
    );
  } catch (error) {
    if (!(error instanceof ClusterBusyError)) throw error;
  }
}

function wantedState(status: string): Wanted {
  if (status === "hibernated") return "hibernated";
  return status === "active" || status === "starting" ? "running" : "stopped";
}

async function bringInLine(runtime: LocalAgentRuntime, agent: LocalAgent, wanted: Wanted): Promise<void> {
  if (wanted === agent.status) return;
  if (wanted === "stopped") await runtime.stop(agent.agentId);
  else if (wanted === "hibernated") await runtime.hibernate(agent.agentId);
  else await runtime.resume(agent.agentId);
}
