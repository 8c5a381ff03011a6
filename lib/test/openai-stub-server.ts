// A local OpenAI-compatible server for the tests (real HTTP on 127.0.0.1): POST /v1/chat/completions
// answers deterministic text and token usage, or misbehaves on request. Tests in the same process
// queue behaviours with `next(...)`; a test driving the console from outside puts
// `{"stub": "<behaviour>"}` in the task's input, which arrives as the user message.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const STUB_BEHAVIOURS = ["ok", "rate-limit", "unavailable", "server-error", "malformed", "wrong-shape", "huge", "hang"] as const;
export type StubBehaviour = (typeof STUB_BEHAVIOURS)[number];

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage["headers"];
  body: unknown;
}

export interface OpenaiStubServer {
  /** The API's base URL, such as http://127.0.0.1:PORT/v1. */
  baseUrl: string;
  port: number;
  requests: RecordedRequest[];
  /** Queues behaviours for the next requests, before any in-band `stub` directive. */
  next(...behaviours: StubBehaviour[]): void;
  /** Forgets the queued behaviours and the recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

export interface OpenaiStubOptions {
  port?: number;
  /** When set, requests without `Authorization: Bearer <apiKey>` get 401. */
  apiKey?: string;
  /** Retry-After of 429 and 503 answers, in seconds; null leaves the header out. */
  retryAfterS?: number | null;
  /** Size of the "huge" answer, in bytes. */
  hugeBytes?: number;
}

export async function startOpenaiStubServer(options: OpenaiStubOptions = {}): Promise<OpenaiStubServer> {
  const queue: StubBehaviour[] = [];
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    void answer(request, response).catch(() => response.destroy());
  });

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const text = await readBody(request);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    requests.push({ path: request.url ?? "", headers: request.headers, body });
    if (request.method !== "POST" || request.url !== "/v1/chat/completions") {
      sendJson(response, 404, { error: { message: `no route ${request.method} ${request.url}`, type: "invalid_request_error" } });
      return;
    }
    if (options.apiKey !== undefined && request.headers.authorization !== `Bearer ${options.apiKey}`) {
      sendJson(response, 401, { error: { message: "Incorrect API key provided", type: "invalid_request_error" } });
      return;
    }
    const chat = readChat(body);
    const behaviour = queue.shift() ?? chat.directive ?? "ok";
    const retryAfter: Record<string, string> = options.retryAfterS === null ? {} : { "retry-after": String(options.retryAfterS ?? 1) };
    switch (behaviour) {
      case "rate-limit":
        sendJson(response, 429, { error: { message: "Rate limit reached", type: "rate_limit_error" } }, retryAfter);
        return;
      case "unavailable":
        sendJson(response, 503, { error: { message: "The server is overloaded", type: "server_error" } }, retryAfter);
        return;
      case "server-error":
        sendJson(response, 500, { error: { message: "The model crashed", type: "server_error" } });
        return;
      case "malformed":
        response.writeHead(200, { "content-type": "application/json" }).end('{"id": "chatcmpl-broken", "choices": [');
        return;
      case "wrong-shape":
        sendJson(response, 200, { id: "chatcmpl-shape", object: "chat.completion", choices: [] });
        return;
      case "huge":
        sendHuge(response, options.hugeBytes ?? 2 * 1_048_576);
        return;
      case "hang":
        // Never answers; close() ends the connection.
        return;
      case "ok":
        sendJson(response, 200, completion(chat));
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    next: (...behaviours) => queue.push(...behaviours),
    reset: () => {
      queue.length = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface Chat {
  model: string;
  messages: { role: string; content: string }[];
  directive?: StubBehaviour;
}

function readChat(body: unknown): Chat {
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const messages = Array.isArray(record.messages)
    ? record.messages.map((message: { role?: unknown; content?: unknown }) => ({
        role: String(message.role),
        content: typeof message.content === "string" ? message.content : JSON.stringify(message.content),
      }))
    : [];
  const user = messages.findLast((message) => message.role === "user")?.content ?? "";
  return { model: typeof record.model === "string" ? record.model : "", messages, directive: readDirective(user) };
}

function readDirective(user: string): StubBehaviour | undefined {
  try {
    const input: unknown = JSON.parse(user);
    const stub = typeof input === "object" && input !== null ? (input as Record<string, unknown>).stub : undefined;
    return STUB_BEHAVIOURS.find((behaviour) => behaviour === stub);
  } catch {
    return undefined;
  }
}

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

function completion(chat: Chat) {
  const user = chat.messages.findLast((message) => message.role === "user")?.content ?? "";
  const reply = `Stub answer from ${chat.model} to ${countWords(user)} words: ${user.slice(0, 60)}`;
  const promptTokens = chat.messages.reduce((sum, message) => sum + countWords(message.content), 0);
  const completionTokens = countWords(reply);
  return {
    id: `chatcmpl-stub-${chat.messages.length}-${promptTokens}`,
    object: "chat.completion",
    created: 1_700_000_000,
    model: chat.model,
    choices: [{ index: 0, message: { role: "assistant", content: reply }, finish_reason: "stop" }],
    usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
  };
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
}

/** A valid completion whose text is `bytes` long, sent in chunks without a Content-Length. */
function sendHuge(response: ServerResponse, bytes: number): void {
  response.writeHead(200, { "content-type": "application/json" });
  response.write('{"id":"chatcmpl-huge","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"');
  const chunk = "x".repeat(65_536);
  // Buffered whole (2 MiB by default): the client under test reads it, or cuts it off.
  for (let sent = 0; sent < bytes; sent += chunk.length) response.write(chunk);
  response.end('"},"finish_reason":"stop"}]}');
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}
