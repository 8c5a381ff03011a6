// A small reference A2A agent (@a2a-js/sdk/server on express): one skill, "report", that answers a
// text or data message with an artifact describing it (word count, echo, which console agent
// asked). A data input's `duration_ms` makes it slow and `fail` makes it fail, so the console's
// executors can be tried against slow and failing work; a cancel stops it at once. It speaks A2A
// v1.0 and, for older clients, v0.3 on the same URLs. The e2e suite and the executor tests run it.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { A2A_PROTOCOL_VERSION, AGENT_CARD_PATH, type AgentCard, type Message, type Part, Role, TaskState } from "@a2a-js/sdk";
import {
  AgentEvent,
  type AgentExecutor,
  DefaultRequestHandler,
  type ExecutionEventBus,
  InMemoryTaskStore,
  type RequestContext,
} from "@a2a-js/sdk/server";
import { agentCardHandler, jsonRpcHandler, restHandler, UserBuilder } from "@a2a-js/sdk/server/express";
import express, { type RequestHandler } from "express";

const LEGACY_COMPAT = { enabled: true };
/** The older protocol version the same endpoints speak, through the SDK's compatibility layer. */
const LEGACY_PROTOCOL_VERSION = "0.3";
/** The longest `duration_ms` honoured, so a typo cannot hold a task for days. */
const MAX_DURATION_MS = 600_000;

export interface ReferenceAgentOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** When set, calls (not the card) need `Authorization: Bearer <token>`. */
  token?: string;
  /** Whether the card offers streaming; without it clients send, then poll the task. */
  streaming?: boolean;
  log?: (line: string) => void;
}

export interface ReferenceAgent {
  /** The base URL, to write as an a2a executor's `url`. */
  url: string;
  /** Task ids the agent was asked to cancel, in order. */
  cancelRequests: string[];
  close(): Promise<void>;
}

export async function startReferenceAgent(options: ReferenceAgentOptions = {}): Promise<ReferenceAgent> {
  const host = options.host ?? "127.0.0.1";
  const log = options.log ?? (() => undefined);
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  const executor = new ReportExecutor(log);
  const requestHandler = new DefaultRequestHandler(agentCard(url, options), new InMemoryTaskStore(), executor);

  const app = express();
  app.use(`/${AGENT_CARD_PATH}`, agentCardHandler({ agentCardProvider: requestHandler, legacyCompat: LEGACY_COMPAT }));
  app.use("/a2a", requireToken(options.token));
  app.use("/a2a/jsonrpc", jsonRpcHandler({ requestHandler, userBuilder: UserBuilder.noAuthentication, legacyCompat: LEGACY_COMPAT }));
  app.use("/a2a/rest", restHandler({ requestHandler, userBuilder: UserBuilder.noAuthentication, legacyCompat: LEGACY_COMPAT }));
  server.on("request", app);
  log(`reference A2A agent on ${url} (card: ${url}/${AGENT_CARD_PATH})${options.token ? ", bearer token required" : ""}`);
  return { url, cancelRequests: executor.cancelRequests, close: () => closeServer(server) };
}

function agentCard(url: string, options: ReferenceAgentOptions): AgentCard {
  const secured = options.token !== undefined;
  return {
    name: "Reference report agent",
    description: "Answers any text or data with a short report about it. Shipped with Cluster Console for trying the a2a executor.",
    supportedInterfaces: [
      { url: `${url}/a2a/jsonrpc`, protocolBinding: "JSONRPC", tenant: "", protocolVersion: A2A_PROTOCOL_VERSION },
      { url: `${url}/a2a/rest`, protocolBinding: "HTTP+JSON", tenant: "", protocolVersion: A2A_PROTOCOL_VERSION },
      { url: `${url}/a2a/jsonrpc`, protocolBinding: "JSONRPC", tenant: "", protocolVersion: LEGACY_PROTOCOL_VERSION },
    ],
    provider: { organization: "Cluster Console examples", url: "https://github.com/" },
    version: "1.0.0",
    capabilities: { streaming: options.streaming ?? true, pushNotifications: false, extensions: [], extendedAgentCard: false },
    securitySchemes: secured
      ? {
          bearer: {
            scheme: { $case: "httpAuthSecurityScheme", value: { scheme: "Bearer", bearerFormat: "", description: "A2A_AGENT_TOKEN" } },
          },
        }
      : {},
    securityRequirements: secured ? [{ schemes: { bearer: { list: [] } } }] : [],
    defaultInputModes: ["text/plain", "application/json"],
    defaultOutputModes: ["text/plain", "application/json"],
    skills: [
      {
        id: "report",
        name: "Report",
        description:
          "Counts the words of a text (or lists the keys of data), echoes it and names the agent that asked. " +
          "Data may hold duration_ms (work that long) and fail (true or a message: fail).",
        tags: ["example", "report"],
        examples: ["Summarise the launch plan", '{"topic": "pricing", "duration_ms": 2000}'],
        inputModes: ["text/plain", "application/json"],
        outputModes: ["text/plain", "application/json"],
        securityRequirements: [],
      },
    ],
    signatures: [],
  };
}

function requireToken(token: string | undefined): RequestHandler {
  return (request, response, next) => {
    if (token === undefined || request.headers.authorization === `Bearer ${token}`) {
      next();
      return;
    }
    response
      .status(401)
      .set("WWW-Authenticate", "Bearer")
      .json({ error: { code: 401, status: "UNAUTHENTICATED", message: "a bearer token is required" } });
  };
}

class ReportExecutor implements AgentExecutor {
  readonly cancelRequests: string[] = [];
  private readonly running = new Map<string, { cancel: () => void; contextId: string }>();

  constructor(private readonly log: (line: string) => void) {}

  cancelTask = async (taskId: string, eventBus: ExecutionEventBus): Promise<void> => {
    this.cancelRequests.push(taskId);
    const run = this.running.get(taskId);
    this.log(`cancel requested for task ${taskId}${run ? "" : " (not running)"}`);
    if (!run) return;
    this.running.delete(taskId);
    run.cancel();
    eventBus.publish(AgentEvent.statusUpdate(status(taskId, run.contextId, TaskState.TASK_STATE_CANCELED, "Cancelled on request.")));
  };

  async execute(context: RequestContext, eventBus: ExecutionEventBus): Promise<void> {
    const { taskId, contextId, userMessage } = context;
    if (!context.task) {
      eventBus.publish(
        AgentEvent.task({
          id: taskId,
          contextId,
          status: { state: TaskState.TASK_STATE_SUBMITTED, message: undefined, timestamp: new Date().toISOString() },
          artifacts: [],
          history: [userMessage],
          metadata: undefined,
        }),
      );
    }
    eventBus.publish(AgentEvent.statusUpdate(status(taskId, contextId, TaskState.TASK_STATE_WORKING)));
    const input = readInput(userMessage);
    const askedBy = readAsker(userMessage);
    this.log(`task ${taskId} from ${askedBy ?? "an unnamed client"}: ${input.data === undefined ? "text" : "data"}`);

    const finished = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(true), input.durationMs);
      this.running.set(taskId, { contextId, cancel: () => (clearTimeout(timer), resolve(false)) });
    });
    // Cancelled: cancelTask has already published the final state.
    if (!finished) return;
    this.running.delete(taskId);

    if (input.fail !== undefined) {
      eventBus.publish(AgentEvent.statusUpdate(status(taskId, contextId, TaskState.TASK_STATE_FAILED, input.fail)));
      return;
    }
    const { report, summary } = describe(input, askedBy);
    eventBus.publish(
      AgentEvent.artifactUpdate({
        taskId,
        contextId,
        artifact: {
          artifactId: "report",
          name: "report",
          description: "What the agent found in the input",
          parts: [
            textPart(summary),
            { content: { $case: "data", value: report }, metadata: undefined, filename: "", mediaType: "application/json" },
          ],
          metadata: undefined,
          extensions: [],
        },
        append: false,
        lastChunk: true,
        metadata: undefined,
      }),
    );
    eventBus.publish(AgentEvent.statusUpdate(status(taskId, contextId, TaskState.TASK_STATE_COMPLETED)));
  }
}

/** The report (data) and its one-line summary (text). */
function describe(input: ReportInput, askedBy: string | undefined): { report: Record<string, unknown>; summary: string } {
  const who = askedBy ?? "you";
  if (input.data === undefined) {
    const words = input.text.split(/\s+/).filter(Boolean).length;
    return {
      report: { asked_by: askedBy ?? null, kind: "text", words, characters: input.text.length, echo: input.text },
      summary: `Report for ${who}: ${words} words, ${input.text.length} characters.`,
    };
  }
  const keys = isRecord(input.data) ? Object.keys(input.data) : [];
  return {
    report: { asked_by: askedBy ?? null, kind: "data", keys, echo: input.data },
    summary: `Report for ${who}: data with ${keys.length} keys.`,
  };
}

interface ReportInput {
  text: string;
  data?: unknown;
  durationMs: number;
  fail?: string;
}

function readInput(message: Message): ReportInput {
  let text = "";
  let data: unknown;
  for (const part of message.parts) {
    if (part.content?.$case === "text") text += part.content.value;
    else if (part.content?.$case === "data" && data === undefined) data = part.content.value;
  }
  const control = isRecord(data) ? data : {};
  const duration = control.duration_ms;
  const fail = control.fail;
  return {
    text,
    data,
    durationMs: typeof duration === "number" && duration > 0 ? Math.min(duration, MAX_DURATION_MS) : 0,
    fail: fail === true ? "Failed on request (fail: true)." : typeof fail === "string" && fail !== "" ? fail : undefined,
  };
}

/** The console names the agent that sends a task in the message's metadata. */
function readAsker(message: Message): string | undefined {
  const console = message.metadata?.cluster_console;
  return isRecord(console) && typeof console.agent === "string" ? console.agent : undefined;
}

function status(taskId: string, contextId: string, state: TaskState, text?: string) {
  return {
    taskId,
    contextId,
    status: {
      state,
      timestamp: new Date().toISOString(),
      message:
        text === undefined
          ? undefined
          : {
              messageId: crypto.randomUUID(),
              contextId,
              taskId,
              role: Role.ROLE_AGENT,
              parts: [textPart(text)],
              metadata: undefined,
              extensions: [],
              referenceTaskIds: [],
            },
    },
    metadata: undefined,
  };
}

function textPart(text: string): Part {
  return { content: { $case: "text", value: text }, metadata: undefined, filename: "", mediaType: "text/plain" };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
