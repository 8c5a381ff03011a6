// The `executor` of an agent definition (spec/tasks.md): who does the agent's work. Secrets are only
// ever named by environment variable (`*_env`), never written in the YAML.
import { z } from "zod";

export const EXECUTOR_TYPES = ["a2a", "openai", "simulate"] as const;
export type ExecutorType = (typeof EXECUTOR_TYPES)[number];

export const MAX_CONCURRENCY = 64;
export const MAX_EXECUTOR_TIMEOUT_S = 86_400;

const ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

const httpUrl = (what: string) =>
  z
    .string({ error: `${what} must be a string` })
    .max(2048, { error: `${what} must be at most 2048 characters` })
    .refine(
      (value) => {
        try {
          const url = new URL(value);
          return (url.protocol === "http:" || url.protocol === "https:") && url.username === "" && url.password === "";
        } catch {
          return false;
        }
      },
      { error: `${what} must be an http:// or https:// URL without credentials in it` },
    );

const envName = (what: string) =>
  z
    .string({ error: `${what} must be the name of an environment variable` })
    .regex(ENV_NAME_PATTERN, { error: `${what} must be an environment variable name such as MY_AGENT_TOKEN (letters, digits, _)` });

const timeoutS = z
  .number({ error: "timeout_s must be a number" })
  .positive({ error: "timeout_s must be greater than 0" })
  .max(MAX_EXECUTOR_TIMEOUT_S, { error: `timeout_s must be at most ${MAX_EXECUTOR_TIMEOUT_S}` })
  .optional()
  .describe("Seconds one call may take; the task's own timeout_s bounds it as well.");

export const a2aExecutorSchema = z.strictObject({
  type: z.literal("a2a").describe("An A2A (Agent2Agent) agent: its card is read from the URL."),
  url: httpUrl("url").describe("The A2A agent's base URL (its card is at /.well-known/agent-card.json) or the card's URL."),
  api_key_env: envName("api_key_env").optional().describe("Environment variable holding the bearer token the agent expects."),
  timeout_s: timeoutS,
});

export const openaiExecutorSchema = z.strictObject({
  type: z.literal("openai").describe("An OpenAI-compatible chat completions endpoint (OpenAI, Ollama, vLLM, llama.cpp, LiteLLM)."),
  base_url: httpUrl("base_url").describe("The API's base URL, such as http://127.0.0.1:11434/v1."),
  model: z.string({ error: "model must be a string" }).min(1, { error: "model must not be empty" }).max(200).describe("The model name."),
  api_key_env: envName("api_key_env").optional().describe("Environment variable holding the API key."),
  temperature: z.number({ error: "temperature must be a number" }).min(0).max(2).optional().describe("Sampling temperature, 0 to 2."),
  max_tokens: z.int({ error: "max_tokens must be a whole number" }).min(1).max(1_000_000).optional().describe("Most tokens in a reply."),
  timeout_s: timeoutS,
});

export const simulateExecutorSchema = z.strictObject({
  type: z
    .literal("simulate")
    .describe("Built in, for demos and benchmarks: waits input.duration_ms, fails at input.fail_rate, echoes the input."),
});

export const executorSchema = z.discriminatedUnion("type", [a2aExecutorSchema, openaiExecutorSchema, simulateExecutorSchema], {
  error: `executor must be a mapping whose type is one of ${EXECUTOR_TYPES.join(", ")}`,
});

export type ExecutorConfig = z.infer<typeof executorSchema>;
export type A2aExecutorConfig = z.infer<typeof a2aExecutorSchema>;
export type OpenaiExecutorConfig = z.infer<typeof openaiExecutorSchema>;

export const concurrencySchema = z
  .int({ error: "concurrency must be a whole number" })
  .min(1, { error: "concurrency must be at least 1" })
  .max(MAX_CONCURRENCY, { error: `concurrency must be at most ${MAX_CONCURRENCY}` });
