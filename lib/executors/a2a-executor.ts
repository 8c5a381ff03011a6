// The `a2a` executor (spec/tasks.md): hands the task to an A2A agent with @a2a-js/sdk, speaking
// A2A v1.0 and v0.3 (the SDK's compatibility layer picks the peer's version from its card). The
// input goes as one text part (a string) or data part (anything else); the remote task id is
// reported as soon as the agent names it; the answer's artifacts are the result. When the console
// aborts the attempt (cancel, stop, out of time), the remote task is cancelled too.
import {
  type AgentCard,
  type Artifact,
  type Message,
  type Part,
  Role,
  type StreamResponse,
  type Task,
  TaskState,
  taskStateToJSON,
} from "@a2a-js/sdk";
import { type Client, ClientFactory, DefaultAgentCardResolver, JsonRpcTransportFactory, RestTransportFactory } from "@a2a-js/sdk/client";
import { A2AError, InvalidAgentResponseError } from "@a2a-js/sdk/errors";
import type { A2aExecutorConfig } from "@/lib/blueprint/executor-schema";
import { createBoundedFetch } from "./bounded-fetch";
import { findExecutionError, shortMessage, sleep, startDeadline } from "./execution-failure";
import type { ExecutorSettings } from "./executor-settings";
import { ExecutionError, type ExecutionRequest, type ExecutionResult, type Executor } from "./executor";
import { readApiKey } from "./read-api-key";

/** How long a read agent card is used before it is read again. */
const CARD_TTL_MS = 60_000;
/** The time a remote cancel gets, after the attempt itself has ended. */
const CANCEL_TIMEOUT_MS = 5_000;
const POLL_FIRST_MS = 250;
const POLL_MAX_MS = 2_000;

const FINAL_STATES = new Set([
  TaskState.TASK_STATE_COMPLETED,
  TaskState.TASK_STATE_FAILED,
  TaskState.TASK_STATE_CANCELED,
  TaskState.TASK_STATE_REJECTED,
]);
/** States where the agent waits for the caller, which a console task cannot answer. */
const INTERRUPTED_STATES = new Set([TaskState.TASK_STATE_INPUT_REQUIRED, TaskState.TASK_STATE_AUTH_REQUIRED]);
const LEGACY_COMPAT = { enabled: true };

/** The card's URL: the configured URL when it names a .json file, else `.well-known/agent-card.json` below it. */
export function agentCardUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.pathname.endsWith(".json")) return parsed.href;
  if (!parsed.pathname.endsWith("/")) parsed.pathname += "/";
  return new URL(".well-known/agent-card.json", parsed).href;
}

export function createA2aExecutor(config: A2aExecutorConfig, settings: ExecutorSettings): Executor {
  const cardUrl = agentCardUrl(config.url);
  // Every transport call carries the attempt's signal (RequestOptions.signal); the card read does
  // not take one, so it gets a fetch bound to the attempt's deadline.
  const transportFetch = createBoundedFetch(settings);
  const factory = new ClientFactory({
    transports: [
      new JsonRpcTransportFactory({ fetchImpl: transportFetch, legacyCompat: LEGACY_COMPAT }),
      new RestTransportFactory({ fetchImpl: transportFetch, legacyCompat: LEGACY_COMPAT }),
    ],
    cardResolver: new DefaultAgentCardResolver({ legacyCompat: LEGACY_COMPAT }),
  });
  let cachedCard: { card: AgentCard; until: number } | undefined;

  async function readCard(signal: AbortSignal): Promise<AgentCard> {
    if (cachedCard && cachedCard.until > Date.now()) return cachedCard.card;
    const resolver = new DefaultAgentCardResolver({ fetchImpl: createBoundedFetch(settings, { signal }), legacyCompat: LEGACY_COMPAT });
    let card: AgentCard;
    try {
      card = await resolver.resolve(cardUrl, "");
    } catch (error) {
      throw (
        findExecutionError(error) ??
        new ExecutionError("malformed", `the agent card at ${cardUrl} could not be read: ${shortMessage(error)}`)
      );
    }
    if (!Array.isArray(card?.supportedInterfaces) || card.supportedInterfaces.length === 0) {
      throw new ExecutionError("malformed", `the agent card at ${cardUrl} lists no interface to call (supportedInterfaces or url)`);
    }
    cachedCard = { card, until: Date.now() + CARD_TTL_MS };
    return card;
  }

  return {
    async execute(request: ExecutionRequest): Promise<ExecutionResult> {
      const token = readApiKey(config.api_key_env);
      const serviceParameters: Record<string, string> = token === undefined ? {} : { Authorization: `Bearer ${token}` };
      const deadline = startDeadline(request, config.timeout_s);
      const progress: RemoteProgress = { artifacts: new Map() };
      let client: Client | undefined;
      try {
        const card = await readCard(deadline.signal);
        client = await factory.createFromAgentCard(card).catch((error: unknown) => {
          throw new ExecutionError(
            "malformed",
            `the agent card at ${cardUrl} offers no JSON-RPC or HTTP+JSON interface: ${shortMessage(error)}`,
          );
        });
        const options = { signal: deadline.signal, serviceParameters };
        for await (const event of client.sendMessageStream(messageRequest(request), options)) {
          applyEvent(progress, event.payload, request);
          if (progress.answer || isFinal(progress.state)) break;
        }
        // A peer without streaming answers at once with the task; then its state is polled.
        for (
          let waitMs = POLL_FIRST_MS;
          progress.taskId && !progress.answer && !isFinal(progress.state);
          waitMs = Math.min(waitMs * 1.5, POLL_MAX_MS)
        ) {
          await sleep(waitMs, deadline.signal);
          applyTask(progress, await client.getTask({ tenant: "", id: progress.taskId, historyLength: 0 }, options), request);
        }
        const facts = {
          protocol_version: client.protocolVersion,
          transport: client.transport.protocolName,
          agent: card.name,
          remote_state: stateName(progress.state),
        };
        if (progress.state !== undefined && INTERRUPTED_STATES.has(progress.state)) {
          throw new ExecutionError(
            "remote-failed",
            `the agent asks for more (${stateName(progress.state)}), which a console task cannot give${statusText(progress)}`,
            facts,
          );
        }
        return { result: resultOf(progress, facts), executorRef: progress.taskId, facts };
      } catch (error) {
        const stopped = deadline.stoppedError();
        const failure = stopped ?? findExecutionError(error) ?? classify(error);
        // The attempt is over, whatever ended it: a remote task still open would only run on unseen.
        const cancel = client && !isFinal(progress.state) ? await cancelRemote(client, progress.taskId, serviceParameters) : {};
        throw new ExecutionError(failure.type, failure.message, {
          ...failure.facts,
          ...(progress.taskId ? { remote_task_id: progress.taskId } : {}),
          ...cancel,
        });
      } finally {
        deadline.dispose();
      }
    },
  };
}

interface RemoteProgress {
  taskId?: string;
  state?: TaskState;
  statusMessage?: Message;
  artifacts: Map<string, Artifact>;
  /** A direct message answer, without a task. */
  answer?: Message;
}

function messageRequest(request: ExecutionRequest) {
  const part: Part =
    typeof request.input === "string"
      ? { content: { $case: "text", value: request.input }, metadata: undefined, filename: "", mediaType: "text/plain" }
      : { content: { $case: "data", value: request.input ?? null }, metadata: undefined, filename: "", mediaType: "application/json" };
  const asker = {
    task_id: request.taskId,
    attempt: request.attempt,
    agent_id: request.agent.agentId,
    agent: request.agent.name,
    definition: request.agent.definition,
    role: request.agent.role,
  };
  return {
    tenant: "",
    message: {
      messageId: crypto.randomUUID(),
      contextId: "",
      taskId: "",
      role: Role.ROLE_USER,
      parts: [part],
      metadata: { cluster_console: asker, ...(request.metadata ? { task_metadata: request.metadata } : {}) },
      extensions: [],
      referenceTaskIds: [],
    },
    // returnImmediately: a peer without streaming answers with the task at once, and its id lets a
    // cancel reach it; the state is then polled.
    configuration: { acceptedOutputModes: [], taskPushNotificationConfig: undefined, historyLength: 0, returnImmediately: true },
    metadata: undefined,
  };
}

function applyEvent(progress: RemoteProgress, payload: StreamResponse["payload"], request: ExecutionRequest): void {
  switch (payload?.$case) {
    case "task":
      applyTask(progress, payload.value, request);
      return;
    case "message":
      progress.answer = payload.value;
      return;
    case "statusUpdate":
      noteTaskId(progress, payload.value.taskId, request);
      if (payload.value.status) {
        progress.state = payload.value.status.state;
        progress.statusMessage = payload.value.status.message;
      }
      return;
    case "artifactUpdate": {
      noteTaskId(progress, payload.value.taskId, request);
      const artifact = payload.value.artifact;
      if (!artifact) return;
      const existing = progress.artifacts.get(artifact.artifactId);
      progress.artifacts.set(
        artifact.artifactId,
        payload.value.append && existing ? { ...existing, parts: [...existing.parts, ...artifact.parts] } : artifact,
      );
      return;
    }
    default:
      throw new ExecutionError("malformed", "the agent sent an event that is neither a task, a message nor an update");
  }
}

function applyTask(progress: RemoteProgress, task: Task, request: ExecutionRequest): void {
  noteTaskId(progress, task.id, request);
  if (task.status) {
    progress.state = task.status.state;
    progress.statusMessage = task.status.message;
  }
  for (const artifact of task.artifacts ?? []) progress.artifacts.set(artifact.artifactId, artifact);
}

function noteTaskId(progress: RemoteProgress, taskId: string, request: ExecutionRequest): void {
  if (progress.taskId || !taskId) return;
  progress.taskId = taskId;
  request.onExecutorRef?.(taskId);
}

const isFinal = (state: TaskState | undefined) => state !== undefined && FINAL_STATES.has(state);

function stateName(state: TaskState | undefined): string | null {
  return state === undefined
    ? null
    : taskStateToJSON(state)
        .replace(/^TASK_STATE_/, "")
        .toLowerCase()
        .replace(/_/g, "-");
}

function statusText(progress: RemoteProgress): string {
  const text = (progress.statusMessage?.parts ?? [])
    .map((part) => (part.content?.$case === "text" ? part.content.value : ""))
    .join(" ")
    .trim();
  return text ? `: ${shortMessage(text)}` : "";
}

/** The result: the answer's artifacts as plain data (or a direct message's parts); a failed task is the agent's failure. */
function resultOf(progress: RemoteProgress, facts: Record<string, unknown>): unknown {
  if (progress.answer) return { artifacts: [], message: progress.answer.parts.map(partData) };
  switch (progress.state) {
    case TaskState.TASK_STATE_COMPLETED:
      break;
    case TaskState.TASK_STATE_FAILED:
    case TaskState.TASK_STATE_REJECTED:
      throw new ExecutionError(
        "remote-failed",
        `the agent ${progress.state === TaskState.TASK_STATE_REJECTED ? "rejected" : "failed"} the task${statusText(progress)}`,
        facts,
      );
    case TaskState.TASK_STATE_CANCELED:
      throw new ExecutionError("remote-failed", `the agent cancelled the task${statusText(progress)}`, facts);
    default:
      throw new ExecutionError("malformed", "the agent's answer ended before its task finished", facts);
  }
  const artifacts = [...progress.artifacts.values()].map((artifact) => ({
    artifact_id: artifact.artifactId,
    ...(artifact.name ? { name: artifact.name } : {}),
    ...(artifact.description ? { description: artifact.description } : {}),
    parts: artifact.parts.map(partData),
  }));
  const message = progress.statusMessage?.parts.map(partData);
  return message && message.length > 0 ? { artifacts, message } : { artifacts };
}

function partData(part: Part): Record<string, unknown> {
  const file = { ...(part.mediaType ? { media_type: part.mediaType } : {}), ...(part.filename ? { filename: part.filename } : {}) };
  switch (part.content?.$case) {
    case "text":
      return { text: part.content.value };
    case "data":
      return { data: part.content.value ?? null };
    case "url":
      return { url: part.content.value, ...file };
    case "raw":
      return { raw_base64: Buffer.from(part.content.value).toString("base64"), ...file };
    default:
      return {};
  }
}

function classify(error: unknown): ExecutionError {
  if (error instanceof A2AError && !(error instanceof InvalidAgentResponseError)) {
    return new ExecutionError("remote-failed", `the agent refused the request: ${shortMessage(error)}`);
  }
  return new ExecutionError("malformed", `the agent's answer could not be read: ${shortMessage(error)}`);
}

/** Asks the agent to cancel its task; what happened goes into the attempt's facts, never its outcome. */
async function cancelRemote(
  client: Client,
  taskId: string | undefined,
  serviceParameters: Record<string, string>,
): Promise<Record<string, unknown>> {
  if (!taskId) return {};
  try {
    await client.cancelTask(
      { tenant: "", id: taskId, metadata: undefined },
      { signal: AbortSignal.timeout(CANCEL_TIMEOUT_MS), serviceParameters },
    );
    return { remote_cancel: "sent" };
  } catch (error) {
    return { remote_cancel: `failed: ${shortMessage(findExecutionError(error) ?? error, 200)}` };
  }
}
