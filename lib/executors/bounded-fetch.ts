// The one `fetch` both network executors hand to their SDKs (server only). Each call: the URL's
// host is checked (a link-local or metadata literal, the allow-list) before anything is sent; the
// connection goes through the guarded pool (host names checked as they resolve); a redirect is
// not followed (its target would skip the checks); a 4xx or 5xx ends here as an "http" error; and
// the answer's body stops at the size cap. Failures are ExecutionErrors, which the SDKs carry on
// as the `cause` of their own errors.
import { fetch as undiciFetch, type RequestInit as UndiciRequestInit, type Response as UndiciResponse } from "undici";
import { forbiddenUrlReason } from "./address-guard";
import { causeChain, shortMessage } from "./execution-failure";
import { type ExecutorSettings, isHostAllowed } from "./executor-settings";
import { ExecutionError } from "./executor";

export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** The most of an error answer read for its message. */
const ERROR_EXCERPT_BYTES = 16_384;
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

export interface BoundedFetchOptions {
  /** Aborts every call besides each call's own signal: the attempt's deadline, for calls an SDK makes without one. */
  signal?: AbortSignal;
  /** Rewrites the headers an SDK sends, just before they leave. */
  headers?: (headers: Headers) => void;
}

export function createBoundedFetch(settings: ExecutorSettings, options: BoundedFetchOptions = {}): FetchFunction {
  return async (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : input);
    assertCallable(url, settings.allowedHosts);
    const headers = new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined));
    options.headers?.(headers);
    const signals = [init.signal, options.signal, input instanceof Request ? input.signal : undefined].filter(
      (signal): signal is AbortSignal => signal instanceof AbortSignal,
    );
    const signal = signals.length > 0 ? AbortSignal.any(signals) : undefined;
    let response: UndiciResponse;
    try {
      response = await undiciFetch(url, {
        method: init.method ?? (input instanceof Request ? input.method : "GET"),
        headers: [...headers],
        // The SDKs send JSON text; the global and undici's BodyInit describe the same runtime values.
        body: (init.body ?? (input instanceof Request && input.body ? await input.arrayBuffer() : undefined)) as UndiciRequestInit["body"],
        signal,
        redirect: "manual",
        dispatcher: settings.dispatcher,
      });
    } catch (error) {
      // An abort is the attempt's to name (cancelled or out of time): pass it on as it is.
      if (signal?.aborted) throw error;
      throw connectionError(error, url);
    }
    return await boundedResponse(response, url, settings.maxResponseBytes);
  };
}

function assertCallable(url: URL, allowedHosts: readonly string[] | undefined): void {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ExecutionError("configuration", `${url.protocol} URLs are not called; use http:// or https://`);
  }
  const reason = forbiddenUrlReason(url.href);
  if (reason) throw new ExecutionError("forbidden-address", `${reason}; the console does not call it`);
  if (!isHostAllowed(url, allowedHosts)) {
    throw new ExecutionError("forbidden-address", `${url.host} is not in EXECUTOR_ALLOWED_HOSTS`);
  }
}

const CONNECTION_CODES: Record<string, string> = {
  ECONNREFUSED: "the connection was refused",
  ECONNRESET: "the connection was reset",
  ENOTFOUND: "the host name is unknown",
  EAI_AGAIN: "the host name could not be resolved",
  EHOSTUNREACH: "the host is unreachable",
  ENETUNREACH: "the network is unreachable",
  EPIPE: "the connection was closed",
  UND_ERR_SOCKET: "the connection was closed",
};

function connectionError(error: unknown, url: URL): ExecutionError {
  const chain = causeChain(error);
  const ours = chain.find((link) => link instanceof ExecutionError);
  if (ours) return ours;
  const code = chain.map((link) => (link as NodeJS.ErrnoException).code).find((value) => typeof value === "string");
  if (code === "UND_ERR_CONNECT_TIMEOUT") {
    return new ExecutionError("timeout", `could not connect to ${url.host} within 10 s`);
  }
  // Without a code, the innermost message says the most ("fetch failed" says nothing).
  const what = code ? (CONNECTION_CODES[code] ?? code) : shortMessage(chain.at(-1) ?? error);
  return new ExecutionError("connection", `could not reach ${url.host}: ${what}`, code ? { code } : undefined);
}

async function boundedResponse(response: UndiciResponse, url: URL, maxBytes: number): Promise<Response> {
  const { status } = response;
  if (status >= 300 && status < 400 && response.headers.has("location")) {
    await response.body?.cancel().catch(() => undefined);
    throw new ExecutionError(
      "http",
      `${url.host} answered ${status}, a redirect to ${shortMessage(response.headers.get("location"), 200)}; write the final URL in the blueprint`,
      { status },
    );
  }
  if (status >= 400) throw await httpError(response, url);
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(url, maxBytes);
  }
  // undici's body is Node's web ReadableStream, the global one; only the typings (node:stream/web, DOM) differ.
  const source = response.body as unknown as ReadableStream<Uint8Array> | null;
  const body = NULL_BODY_STATUSES.has(status) || !source ? null : source.pipeThrough(limitTo(maxBytes, url));
  return new Response(body, { status, statusText: response.statusText, headers: [...response.headers] });
}

function tooLarge(url: URL, maxBytes: number): ExecutionError {
  return new ExecutionError("too-large", `the answer of ${url.host} is larger than ${formatBytes(maxBytes)} (EXECUTOR_MAX_RESPONSE_BYTES)`);
}

function limitTo(maxBytes: number, url: URL): TransformStream<Uint8Array, Uint8Array> {
  let seen = 0;
  return new TransformStream({
    transform(chunk, controller) {
      seen += chunk.byteLength;
      if (seen > maxBytes) controller.error(tooLarge(url, maxBytes));
      else controller.enqueue(chunk);
    },
  });
}

async function httpError(response: UndiciResponse, url: URL): Promise<ExecutionError> {
  const facts: Record<string, unknown> = { status: response.status };
  const retryAfterS = parseRetryAfter(response.headers.get("retry-after"));
  if (retryAfterS !== undefined) facts.retry_after_s = retryAfterS;
  const detail = describeErrorBody(await readExcerpt(response));
  return new ExecutionError("http", `${url.host} answered HTTP ${response.status}${detail ? `: ${detail}` : ""}`, facts);
}

/** Seconds to wait from a Retry-After header (seconds or an HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function readExcerpt(response: UndiciResponse): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    while (length < ERROR_EXCERPT_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      length += value.byteLength;
    }
  } catch {
    // What arrived before the body broke off is the excerpt.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, ERROR_EXCERPT_BYTES).toString("utf8");
}

/** The message of an error answer: OpenAI's `error.message`, JSON-RPC's, problem+json's detail, else the text. */
function describeErrorBody(text: string): string {
  if (text.trim() === "") return "";
  try {
    const body: unknown = JSON.parse(text);
    const message =
      pick(body, ["error", "message"]) ??
      pick(body, ["error"]) ??
      pick(body, ["message"]) ??
      pick(body, ["detail"]) ??
      pick(body, ["title"]);
    if (message !== undefined) return shortMessage(message);
  } catch {
    // Not JSON: the text itself.
  }
  return shortMessage(text);
}

function pick(value: unknown, path: string[]): string | undefined {
  let current = value;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === "string" && current.trim() !== "" ? current : undefined;
}

function formatBytes(bytes: number): string {
  return bytes % 1_048_576 === 0 ? `${bytes / 1_048_576} MiB` : bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`;
}
