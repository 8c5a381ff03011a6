// The autoscaler loop inside the server: every tick it takes (or renews) the lease in the database
// and, holding it, runs one tick. Instances without the lease only wait, so however many servers
// share a database exactly one of them acts; another takes over when the holder stops renewing.
import { logger } from "@/lib/logger";
import type { AgentRuntime } from "@/lib/runtime/agent-runtime";
import { acquireAutoscalerLease, currentLeaseExpiry, releaseAutoscalerLease } from "./lease";
import { runAutoscalerTick } from "./run-tick";

export interface AutoscalerLoopOptions {
  runtime: AgentRuntime;
  tickMs: number;
  /** How long the lease outlives its last renewal; long enough that a slow tick never loses it. */
  leaseMs?: number;
}

export interface AutoscalerLoop {
  holder: string;
  /** Whether this instance held the lease at its latest tick. */
  isLeading(): boolean;
  stop(): Promise<void>;
}

export function startAutoscalerLoop(options: AutoscalerLoopOptions): AutoscalerLoop {
  // The lease names the instance, as its heartbeat, its agents' rows and GET /api/health do.
  const holder = options.runtime.instanceId;
  const leaseMs = options.leaseMs ?? Math.max(30_000, options.tickMs * 10);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let leading = false;
  /** Until when this instance holds the lease, as far as it knows. */
  let leaseUntil = 0;

  // The lease is written only when a third of it has passed (or to take it over once it expired),
  // not every tick: each write is a moment other processes wait for the database.
  const holdsLease = async (now: number): Promise<boolean> => {
    if (leading && now < leaseUntil - (leaseMs * 2) / 3) return true;
    if (!leading && (await currentLeaseExpiry()) > now) return false;
    const leads = await acquireAutoscalerLease(holder, now, leaseMs);
    if (leads) leaseUntil = now + leaseMs;
    if (leads !== leading) logger.info({ holder }, leads ? "this instance runs the autoscaler" : "another instance runs the autoscaler");
    leading = leads;
    return leads;
  };

  const tick = async () => {
    if (!(await holdsLease(Date.now()))) return;
    const result = await runAutoscalerTick(options.runtime);
    if (result.changed > 0 || result.ms > options.tickMs) logger.info(result, "autoscaler tick");
  };
  // The next tick starts one interval after this one started, or at once if this one ran longer.
  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      const started = Date.now();
      running = tick()
        .catch((error: unknown) => logger.error({ err: error }, "autoscaler tick failed; trying again next tick"))
        .finally(() => schedule(Math.max(0, options.tickMs - (Date.now() - started))));
    }, delay);
  };
  schedule(options.tickMs);

  return {
    holder,
    isLeading: () => leading,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      await releaseAutoscalerLease(holder);
    },
  };
}
