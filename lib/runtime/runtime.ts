// The process's agent runtime: the local in-process driver, whose agents take tasks through the
// process's one dispatcher. Kept on globalThis because Next.js may load this module in several
// bundles of one process; the dispatcher starts with the server (lib/start/start-server.ts).
import { refreshHealthScores } from "@/lib/cluster/refresh-health-scores";
import { env } from "@/lib/env";
import { instanceId } from "@/lib/instance-id";
import { createExecutor } from "@/lib/executors/create-executor";
import { taskQueueForProcess } from "@/lib/tasks/task-queue-for-process";
import { loadClusterWork } from "./cluster-work";
import { LocalAgentRuntime } from "./local-runtime";
import { TaskDispatcher } from "./task-dispatcher";

const globalForRuntime = globalThis as unknown as { agentRuntime?: LocalAgentRuntime; taskDispatcher?: TaskDispatcher };

export function getTaskDispatcher(): TaskDispatcher {
  globalForRuntime.taskDispatcher ??= new TaskDispatcher({
    queue: taskQueueForProcess(),
    createExecutor,
    loadWork: loadClusterWork,
    refreshHealth: refreshHealthScores,
    drainMs: env.AGENT_DRAIN_S * 1000,
  });
  return globalForRuntime.taskDispatcher;
}

export function getAgentRuntime(): LocalAgentRuntime {
  globalForRuntime.agentRuntime ??= new LocalAgentRuntime({ dispatcher: getTaskDispatcher(), instanceId });
  return globalForRuntime.agentRuntime;
}
