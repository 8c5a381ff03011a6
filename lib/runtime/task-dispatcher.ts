// The local driver's engine: the agents that run in this process and the one dispatcher that hands
// them tasks. Idle agents cost nothing: nothing polls per agent. A cluster is looked at when the
// task services say it has claimable tasks, when one of its agents frees a slot, and by one
// backstop pass a second (a retry's backoff ending, a task submitted by another process).
import { logger } from "@/lib/logger";
import { ExecutionError, type ExecutorFactory } from "@/lib/executors/executor";
import type { AgentSlot, AttemptEnd, ClaimedTask, CompletionAnswer, TaskError, TaskLease, TaskQueue } from "@/lib/tasks/task-queue";
import { LEASE_RENEW_EVERY_MS } from "@/lib/tasks/task-status";
import { taskSignals } from "@/lib/tasks/task-signals";
import type { RuntimeAgent } from "./agent-runtime";
import type { ClusterWork, DefinitionWork } from "./cluster-work";

export interface DispatcherOptions {
  queue: TaskQueue;
  createExecutor: ExecutorFactory;
  loadWork: (clusterId: string) => Promise<ClusterWork | null>;
  now?: () => number;
  /** How long a stopping agent's running tasks may take before they go back to the queue. */
  drainMs?: number;
  backstopMs?: number;
  expireEveryMs?: number;
  /** Brings the clusters' health scores in line with their recent attempts; called every few seconds. */
  refreshHealth?: (clusterIds: readonly string[]) => Promise<unknown>;
}

const HEALTH_EVERY_MS = 5_000;

type AgentState = "running" | "hibernated" | "stopping" | "hibernating";

interface RunningAttempt {
  task: ClaimedTask;
  controller: AbortController;
  /** Set when the console ended the attempt itself (cancel, drain): the executor's answer is dropped. */
  abandoned: boolean;
}

interface LocalAgent {
  agent: RuntimeAgent;
  state: AgentState;
  /** The definition's concurrency, known once the cluster's work is loaded. */
  concurrency: number;
  running: Map<string, RunningAttempt>;
  idleSince: number;
  drainTimer?: ReturnType<typeof setTimeout>;
}

interface ClusterDesk {
  agents: Set<LocalAgent>;
  work?: Promise<ClusterWork | null>;
  passing: boolean;
  again: boolean;
}

const AGENT_STOPPED: TaskError = { type: "agent-stopped", message: "the agent was stopped before the task finished; it runs again" };

export class TaskDispatcher {
  private readonly agents = new Map<string, LocalAgent>();
  private readonly desks = new Map<string, ClusterDesk>();
  private readonly attempts = new Map<string, { agent: LocalAgent; attempt: RunningAttempt }>();
  private readonly timers: Array<ReturnType<typeof setInterval>> = [];
  /** Completions wait here while one batch is being written; the next batch takes all that arrived meanwhile. */
  private readonly completions: Array<{ lease: TaskLease; end: AttemptEnd; settle: (answer: Promise<CompletionAnswer>) => void }> = [];
  private writingCompletions = false;
  private readonly now: () => number;
  private readonly onClaimable = (clusterId: string) => this.schedule(clusterId);
  private readonly onCancel = (taskId: string) => this.abandon(taskId, "cancelled by an operator");
  private started = false;

  constructor(private readonly options: DispatcherOptions) {
    this.now = options.now ?? Date.now;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    taskSignals().on("claimable", this.onClaimable);
    taskSignals().on("cancel", this.onCancel);
    // Agents added before the start get their first look now.
    for (const clusterId of this.desks.keys()) this.schedule(clusterId);
    this.every(this.options.backstopMs ?? 1_000, () => {
      for (const [clusterId, desk] of this.desks) if (this.hasFreeSlot(desk)) this.schedule(clusterId);
    });
    this.every(LEASE_RENEW_EVERY_MS, () => this.renewLeases());
    this.every(this.options.expireEveryMs ?? 1_000, () => this.expireLeases());
    const { refreshHealth } = this.options;
    if (refreshHealth) {
      this.every(HEALTH_EVERY_MS, () =>
        refreshHealth([...this.desks.keys()]).catch((error: unknown) => logger.warn({ err: error }, "health scores were not refreshed")),
      );
    }
  }

  /** Stops dispatching; running tasks go back to the queue without using up an attempt. */
  async stop(): Promise<void> {
    this.started = false;
    taskSignals().off("claimable", this.onClaimable);
    taskSignals().off("cancel", this.onCancel);
    for (const timer of this.timers.splice(0)) clearInterval(timer);
    const busy = [...this.agents.values()].filter((local) => local.running.size > 0);
    for (const local of busy) for (const taskId of local.running.keys()) this.abandon(taskId, "the console is shutting down");
    if (busy.length) {
      await this.options.queue.release(
        busy.map((local) => local.agent.agentId),
        { type: "console-stopped", message: "the console stopped before the task finished; it runs again" },
        this.now(),
      );
    }
  }

  addAgent(agent: RuntimeAgent): void {
    const existing = this.agents.get(agent.agentId);
    if (existing) clearTimeout(existing.drainTimer);
    const local: LocalAgent = existing ?? { agent, state: "running", concurrency: 1, running: new Map(), idleSince: this.now() };
    local.agent = agent;
    local.state = "running";
    this.agents.set(agent.agentId, local);
    this.deskOf(agent.clusterId).agents.add(local);
    this.schedule(agent.clusterId);
  }

  /** The agent takes no new task; its running tasks finish, or go back to the queue after the drain time. */
  removeAgent(agentId: string): void {
    this.drain(agentId, "stopping");
  }

  hibernateAgent(agentId: string): void {
    this.drain(agentId, "hibernating");
  }

  resumeAgent(agentId: string): boolean {
    const local = this.agents.get(agentId);
    if (!local) return false;
    clearTimeout(local.drainTimer);
    local.state = "running";
    this.schedule(local.agent.clusterId);
    return true;
  }

  stateOf(agentId: string): "running" | "hibernated" | undefined {
    const state = this.agents.get(agentId)?.state;
    if (state === "running" || state === "hibernated") return state;
    return undefined;
  }

  /** Tasks running in this process now; for tests, benchmarks and health checks. */
  get runningTaskCount(): number {
    return this.attempts.size;
  }

  private drain(agentId: string, state: "stopping" | "hibernating"): void {
    const local = this.agents.get(agentId);
    if (!local) return;
    local.state = state;
    clearTimeout(local.drainTimer);
    if (local.running.size === 0) return this.settleDrained(local);
    local.drainTimer = setTimeout(() => void this.releaseAgent(local), this.options.drainMs ?? 30_000);
    local.drainTimer.unref?.();
  }

  private async releaseAgent(local: LocalAgent): Promise<void> {
    for (const taskId of [...local.running.keys()]) this.abandon(taskId, "the agent was stopped");
    await this.options.queue.release([local.agent.agentId], AGENT_STOPPED, this.now()).catch((error: unknown) => {
      logger.error({ err: error, agentId: local.agent.agentId }, "could not give a stopped agent's tasks back; their leases will expire");
    });
    this.settleDrained(local);
    this.schedule(local.agent.clusterId);
  }

  private settleDrained(local: LocalAgent): void {
    if (local.state === "hibernating") {
      local.state = "hibernated";
      return;
    }
    if (local.state !== "stopping") return;
    this.agents.delete(local.agent.agentId);
    const desk = this.desks.get(local.agent.clusterId);
    desk?.agents.delete(local);
    if (desk && desk.agents.size === 0) this.desks.delete(local.agent.clusterId);
  }

  private deskOf(clusterId: string): ClusterDesk {
    let desk = this.desks.get(clusterId);
    if (!desk) {
      desk = { agents: new Set(), passing: false, again: false };
      this.desks.set(clusterId, desk);
    }
    return desk;
  }

  private hasFreeSlot(desk: ClusterDesk): boolean {
    for (const local of desk.agents) if (local.state === "running" && local.running.size < local.concurrency) return true;
    return false;
  }

  /** Runs one dispatch pass for the cluster soon; passes of one cluster never overlap. */
  schedule(clusterId: string): void {
    const desk = this.desks.get(clusterId);
    if (!desk || !this.started) return;
    if (desk.passing) {
      desk.again = true;
      return;
    }
    desk.passing = true;
    setImmediate(() => void this.pass(clusterId, desk));
  }

  private async pass(clusterId: string, desk: ClusterDesk): Promise<void> {
    try {
      do {
        desk.again = false;
        await this.claimFor(clusterId, desk);
      } while (desk.again && this.started);
    } catch (error) {
      logger.error({ err: error, clusterId }, "task dispatch failed; the backstop pass retries it");
    } finally {
      desk.passing = false;
    }
  }

  private async claimFor(clusterId: string, desk: ClusterDesk): Promise<void> {
    desk.work ??= this.options.loadWork(clusterId).catch((error: unknown) => {
      desk.work = undefined;
      throw error;
    });
    const work = await desk.work;
    if (!work) return;
    const slots: AgentSlot[] = [];
    const idleFirst = [...desk.agents].filter((local) => local.state === "running").sort((a, b) => a.idleSince - b.idleSince);
    for (const local of idleFirst) {
      local.concurrency = work.get(local.agent.definition)?.concurrency ?? 1;
      for (let free = local.concurrency - local.running.size; free > 0; free--) {
        slots.push({
          agentId: local.agent.agentId,
          clusterId,
          definition: local.agent.definition,
          role: local.agent.role,
          capabilities: local.agent.capabilities,
        });
      }
    }
    if (slots.length === 0) return;
    const claimed = await this.options.queue.claim(slots, this.now());
    for (const task of claimed) {
      const local = this.agents.get(task.agentId);
      if (!local) continue;
      this.run(local, task, work.get(local.agent.definition));
    }
    // Every slot filled: more tasks may wait; a pass that found fewer tasks than slots emptied the queue.
    if (claimed.length === slots.length) desk.again = true;
  }

  private run(local: LocalAgent, task: ClaimedTask, work: DefinitionWork | undefined): void {
    const controller = new AbortController();
    const attempt: RunningAttempt = { task, controller, abandoned: false };
    local.running.set(task.taskId, attempt);
    this.attempts.set(task.taskId, { agent: local, attempt });
    const timeout = setTimeout(
      () => controller.abort(new ExecutionError("timeout", `the attempt took longer than ${task.timeoutS} s`)),
      task.timeoutS * 1000,
    );
    void this.execute(local, task, work, controller.signal)
      .then((end) => (attempt.abandoned ? undefined : this.finish(local, task, end)))
      .catch((error: unknown) =>
        logger.error({ err: error, taskId: task.taskId }, "could not record a task's outcome; its lease will expire"),
      )
      .finally(() => {
        clearTimeout(timeout);
        local.running.delete(task.taskId);
        this.attempts.delete(task.taskId);
        if (local.running.size === 0) {
          local.idleSince = this.now();
          if (local.state === "stopping" || local.state === "hibernating") {
            clearTimeout(local.drainTimer);
            this.settleDrained(local);
          }
        }
        this.schedule(local.agent.clusterId);
      });
  }

  private async execute(local: LocalAgent, task: ClaimedTask, work: DefinitionWork | undefined, signal: AbortSignal): Promise<AttemptEnd> {
    if (!work?.executor) {
      const message = work?.executorProblem ?? `agent definition "${local.agent.definition}" is not in the cluster's blueprint`;
      return { outcome: "failed", error: { type: "configuration", message } };
    }
    // The far side's id for the work: kept on the attempt as soon as it is named (a cancelled or
    // still running attempt names its remote task too), and carried by a failure's completion.
    let executorRef: string | undefined;
    const lease = { taskId: task.taskId, agentId: local.agent.agentId, attempt: task.attempt };
    try {
      const executor = this.options.createExecutor(work.executor);
      const answer = await executor.execute({
        taskId: task.taskId,
        attempt: task.attempt,
        input: task.input,
        metadata: task.metadata,
        signal,
        timeoutMs: task.timeoutS * 1000,
        onExecutorRef: (ref) => {
          executorRef = ref;
          this.options.queue
            .recordExecutorRef(lease, ref)
            .catch((error: unknown) => logger.warn({ err: error, ...lease }, "could not keep the executor's id on a running attempt"));
        },
        agent: {
          agentId: local.agent.agentId,
          name: local.agent.name,
          definition: local.agent.definition,
          role: local.agent.role,
          description: work.description,
          capabilities: local.agent.capabilities,
          skills: work.skills,
        },
      });
      return { outcome: "succeeded", result: answer.result, executorRef: answer.executorRef ?? executorRef, facts: answer.facts };
    } catch (error) {
      if (error instanceof ExecutionError) {
        return { outcome: "failed", error: { type: error.type, message: error.message }, executorRef, facts: error.facts };
      }
      // An executor is held to throw ExecutionError only; anything else is still the attempt's failure.
      const reason = signal.reason instanceof ExecutionError ? signal.reason : undefined;
      if (reason) return { outcome: "failed", error: { type: reason.type, message: reason.message } };
      logger.warn({ err: error, taskId: task.taskId }, "an executor failed with an unexpected error");
      return { outcome: "failed", error: { type: "executor", message: error instanceof Error ? error.message : String(error) } };
    }
  }

  private async finish(local: LocalAgent, task: ClaimedTask, end: AttemptEnd): Promise<void> {
    const lease = { taskId: task.taskId, agentId: local.agent.agentId, attempt: task.attempt };
    const answer = await new Promise<CompletionAnswer>((resolve, reject) => {
      this.completions.push({ lease, end, settle: (result) => result.then(resolve, reject) });
      void this.writeCompletions();
    });
    if (!answer.accepted) logger.warn({ ...lease, reason: answer.reason }, "a task's completion was refused");
  }

  /** One transaction for every completion that arrived since the last one: a commit costs more than the rows. */
  private async writeCompletions(): Promise<void> {
    if (this.writingCompletions) return;
    this.writingCompletions = true;
    try {
      while (this.completions.length > 0) {
        const batch = this.completions.splice(0);
        const answers = this.options.queue.completeMany(
          batch.map(({ lease, end }) => ({ lease, end })),
          this.now(),
        );
        batch.forEach((entry, index) => entry.settle(answers.then((all) => all[index]!)));
        await answers.catch(() => undefined);
      }
    } finally {
      this.writingCompletions = false;
    }
  }

  /** Ends a running attempt from the console's side: the executor is aborted and its answer dropped. */
  private abandon(taskId: string, why: string): void {
    const entry = this.attempts.get(taskId);
    if (!entry) return;
    entry.attempt.abandoned = true;
    entry.attempt.controller.abort(new ExecutionError("cancelled", why));
  }

  private async renewLeases(): Promise<void> {
    const leases = [...this.attempts.values()]
      .filter(({ attempt }) => !attempt.abandoned)
      .map(({ agent, attempt }) => ({ taskId: attempt.task.taskId, agentId: agent.agent.agentId, attempt: attempt.task.attempt }));
    if (leases.length === 0) return;
    try {
      // A lease this agent no longer holds (expired while the process stalled) means another agent may run the task now.
      for (const taskId of await this.options.queue.renew(leases, this.now())) this.abandon(taskId, "the lease was lost");
    } catch (error) {
      logger.error({ err: error }, "renewing task leases failed; retrying at the next renewal");
    }
  }

  private async expireLeases(): Promise<void> {
    try {
      await this.options.queue.expireLeases(this.now());
    } catch (error) {
      logger.error({ err: error }, "expiring task leases failed; retrying soon");
    }
  }

  private every(ms: number, action: () => unknown): void {
    const timer = setInterval(() => void action(), ms);
    timer.unref?.();
    this.timers.push(timer);
  }
}
