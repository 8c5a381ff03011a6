// The `openai` executor (spec/tasks.md): one chat completion per attempt against any
// OpenAI-compatible endpoint. The system message is the agent (role, description, capabilities,
// skills); the task's input is the user message; the reply's text and token usage are the result.
// 429 and 503 are retried within the attempt, waiting what Retry-After asks when that is at most 30 s.
import { APIConnectionTimeoutError, OpenAI } from "openai";
import { z } from "zod";
import type { OpenaiExecutorConfig } from "@/lib/blueprint/executor-schema";
import { createBoundedFetch } from "./bounded-fetch";
import { type AttemptDeadline, findExecutionError, formatDuration, shortMessage, sleep, startDeadline } from "./execution-failure";
import type { ExecutorSettings } from "./executor-settings";
import { type ExecutingAgent, ExecutionError, type ExecutionRequest, type ExecutionResult, type Executor } from "./executor";
import { readApiKey } from "./read-api-key";

const RETRIED_STATUSES = new Set([429, 503]);
const MAX_RETRY_WAIT_S = 30;
const MAX_RETRIES = 5;

// Only what a chat completion needs leaves the console: the SDK would otherwise add headers it reads
// from this server's environment (OPENAI_CUSTOM_HEADERS) to a request for a URL an admin wrote.
const SENT_HEADERS = /^(accept|content-type|user-agent|authorization|x-stainless-[a-z0-9-]+)$/;

const completionSchema = z.object({
  id: z.string().optional(),
  model: z.string().optional(),
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullish(), refusal: z.string().nullish() }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
  usage: z.object({ prompt_tokens: z.number(), completion_tokens: z.number(), total_tokens: z.number() }).partial().nullish(),
});

export function createOpenaiExecutor(config: OpenaiExecutorConfig, settings: ExecutorSettings): Executor {
  return {
    async execute(request: ExecutionRequest): Promise<ExecutionResult> {
      const apiKey = readApiKey(config.api_key_env);
      const deadline = startDeadline(request, config.timeout_s);
      const started = Date.now();
      let retries = 0;
      try {
        const client = new OpenAI({
          // The SDK insists on a key; without api_key_env none is sent (the header filter drops it).
          apiKey: apiKey ?? "none",
          // Explicitly none: the SDK would read these from the console's own environment.
          adminAPIKey: null,
          organization: null,
          project: null,
          webhookSecret: null,
          baseURL: config.base_url,
          fetch: createBoundedFetch(settings, { signal: deadline.signal, headers: (headers) => keepSentHeaders(headers, apiKey) }),
          maxRetries: 0,
          // Our deadline ends the call; the SDK's own timer only as a backstop behind it.
          timeout: deadline.ms + 5_000,
          logLevel: "off",
        });
        for (;;) {
          try {
            const answer: unknown = await client.chat.completions.create(
              {
                model: config.model,
                messages: [
                  { role: "system", content: systemMessage(request.agent) },
                  { role: "user", content: typeof request.input === "string" ? request.input : JSON.stringify(request.input) },
                ],
                ...(config.temperature === undefined ? {} : { temperature: config.temperature }),
                ...(config.max_tokens === undefined ? {} : { max_tokens: config.max_tokens }),
              },
              { signal: deadline.signal },
            );
            return readCompletion(answer, retries);
          } catch (error) {
            const failure = deadline.stoppedError() ?? classify(error);
            const waitMs = retryWaitMs(failure, retries, deadline, Date.now() - started);
            if (waitMs === undefined) throw withRetries(failure, retries);
            retries++;
            await sleep(waitMs, deadline.signal);
          }
        }
      } catch (error) {
        throw deadline.stoppedError() ?? classify(error);
      } finally {
        deadline.dispose();
      }
    },
  };
}

/** The system message: who the agent is, from its definition. */
export function systemMessage(agent: ExecutingAgent): string {
  const lines = [`You are ${agent.name}, a ${agent.role} agent of the "${agent.definition}" definition in a team of AI agents.`];
  if (agent.description) lines.push(agent.description);
  if (agent.capabilities.length > 0) lines.push(`Your capabilities: ${agent.capabilities.join(", ")}.`);
  if (agent.skills.length > 0) lines.push(`Your skills: ${agent.skills.join(", ")}.`);
  return lines.join("\n");
}

function keepSentHeaders(headers: Headers, apiKey: string | undefined): void {
  for (const name of [...headers.keys()]) {
    if (!SENT_HEADERS.test(name) || (name === "authorization" && apiKey === undefined)) headers.delete(name);
  }
}

function readCompletion(answer: unknown, retries: number): ExecutionResult {
  const parsed = completionSchema.safeParse(answer);
  if (!parsed.success) {
    throw new ExecutionError("malformed", `the answer is not a chat completion (${shortMessage(z.prettifyError(parsed.error), 200)})`);
  }
  const completion = parsed.data;
  const choice = completion.choices[0]!;
  if (typeof choice.message.content !== "string") {
    throw choice.message.refusal
      ? new ExecutionError("remote-failed", `the model refused: ${shortMessage(choice.message.refusal)}`)
      : new ExecutionError("malformed", "the reply holds no text");
  }
  return {
    result: { text: choice.message.content, usage: completion.usage ?? null },
    executorRef: completion.id,
    facts: { model: completion.model, finish_reason: choice.finish_reason ?? null, retries },
  };
}

function classify(error: unknown): ExecutionError {
  const ours = findExecutionError(error);
  if (ours) return ours;
  if (error instanceof APIConnectionTimeoutError) return new ExecutionError("timeout", "the endpoint did not answer in time");
  if (error instanceof SyntaxError) return new ExecutionError("malformed", `the answer is not valid JSON (${shortMessage(error, 200)})`);
  return new ExecutionError("malformed", `the answer could not be read: ${shortMessage(error)}`);
}

/** How long to wait before the next try, or undefined when the failure is final. */
function retryWaitMs(failure: ExecutionError, retries: number, deadline: AttemptDeadline, elapsedMs: number): number | undefined {
  const status = failure.facts?.status;
  if (failure.type !== "http" || typeof status !== "number" || !RETRIED_STATUSES.has(status) || retries >= MAX_RETRIES) {
    return undefined;
  }
  const retryAfterS = failure.facts?.retry_after_s;
  if (typeof retryAfterS === "number" && retryAfterS > MAX_RETRY_WAIT_S) return undefined;
  const waitMs = typeof retryAfterS === "number" ? retryAfterS * 1000 : Math.min(2 ** retries, MAX_RETRY_WAIT_S) * 1000;
  return elapsedMs + waitMs < deadline.ms ? waitMs : undefined;
}

function withRetries(failure: ExecutionError, retries: number): ExecutionError {
  const retryAfterS = failure.facts?.retry_after_s;
  const why =
    failure.type === "http" && typeof retryAfterS === "number" && retryAfterS > MAX_RETRY_WAIT_S
      ? ` (it asks to retry after ${formatDuration(retryAfterS * 1000)}, more than the ${MAX_RETRY_WAIT_S} s an attempt waits)`
      : "";
  if (retries === 0 && why === "") return failure;
  const tries = retries > 0 ? ` after ${retries + 1} tries` : "";
  return new ExecutionError(failure.type, `${failure.message}${why}${tries}`, { ...failure.facts, retries });
}
