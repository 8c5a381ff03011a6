// The openai executor against a real OpenAI-compatible server on 127.0.0.1 (lib/test/openai-stub-server.ts).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { OpenaiExecutorConfig } from "@/lib/blueprint/executor-schema";
import { executionRequest } from "@/lib/test/execution-request";
import { type OpenaiStubServer, startOpenaiStubServer } from "@/lib/test/openai-stub-server";
import { createExecutor } from "./create-executor";
import type { ExecutorSettings } from "./executor-settings";
import { ExecutionError, type ExecutionResult } from "./executor";
import { createGuardedDispatcher } from "./guarded-dispatcher";
import { closedPort } from "@/lib/test/closed-port";

const dispatcher = createGuardedDispatcher();
const settings: ExecutorSettings = { maxResponseBytes: 1_048_576, allowedHosts: undefined, dispatcher };
let stub: OpenaiStubServer;

beforeAll(async () => {
  stub = await startOpenaiStubServer({ retryAfterS: 1 });
});
afterAll(async () => {
  await stub.close();
  await dispatcher.destroy();
});
afterEach(() => {
  stub.reset();
  delete process.env.TEST_OPENAI_KEY;
  delete process.env.OPENAI_CUSTOM_HEADERS;
});

const config = (overrides: Partial<OpenaiExecutorConfig> = {}): OpenaiExecutorConfig => ({
  type: "openai",
  base_url: stub.baseUrl,
  model: "stub-model",
  ...overrides,
});

async function failure(promise: Promise<ExecutionResult>): Promise<ExecutionError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ExecutionError);
  return error as ExecutionError;
}

describe("the openai executor", () => {
  it("sends the agent as the system message and the input as the user message; answers the reply and the usage", async () => {
    const answer = await createExecutor(config({ temperature: 0.2, max_tokens: 50 }), settings).execute(executionRequest());
    expect(answer).toEqual({
      result: {
        text: "Stub answer from stub-model to 7 words: Write a tagline for the spring launch",
        usage: { prompt_tokens: expect.any(Number), completion_tokens: 14, total_tokens: expect.any(Number) },
      },
      executorRef: expect.stringMatching(/^chatcmpl-stub-/),
      facts: { model: "stub-model", finish_reason: "stop", retries: 0 },
    });
    const body = stub.requests[0]!.body as {
      model: string;
      temperature: number;
      max_tokens: number;
      messages: { role: string; content: string }[];
    };
    expect(body).toMatchObject({ model: "stub-model", temperature: 0.2, max_tokens: 50 });
    expect(body.messages).toEqual([
      {
        role: "system",
        content:
          'You are copywriter-2, a worker agent of the "copywriter" definition in a team of AI agents.\n' +
          "Writes copy for campaigns\nYour capabilities: copywriting, editing.\nYour skills: headlines.",
      },
      { role: "user", content: "Write a tagline for the spring launch" },
    ]);
  });

  it("sends JSON input as its JSON text", async () => {
    await createExecutor(config(), settings).execute(executionRequest({ input: { topic: "pricing", tiers: [1, 2] } }));
    const body = stub.requests[0]!.body as { messages: { role: string; content: string }[] };
    expect(body.messages[1]).toEqual({ role: "user", content: '{"topic":"pricing","tiers":[1,2]}' });
  });

  it("sends the key from the variable api_key_env names, and nothing from the console's own environment", async () => {
    const keyed = await startOpenaiStubServer({ apiKey: "sk-test-123" });
    try {
      process.env.TEST_OPENAI_KEY = "sk-test-123";
      process.env.OPENAI_CUSTOM_HEADERS = "X-Leaked: console-secret";
      await createExecutor(config({ base_url: keyed.baseUrl, api_key_env: "TEST_OPENAI_KEY" }), settings).execute(executionRequest());
      expect(keyed.requests[0]!.headers.authorization).toBe("Bearer sk-test-123");
      expect(keyed.requests[0]!.headers["x-leaked"]).toBeUndefined();

      process.env.TEST_OPENAI_KEY = "sk-wrong";
      const refused = await failure(
        createExecutor(config({ base_url: keyed.baseUrl, api_key_env: "TEST_OPENAI_KEY" }), settings).execute(executionRequest()),
      );
      expect(refused).toMatchObject({ type: "http", facts: { status: 401 } });
      expect(refused.message).toBe(`127.0.0.1:${keyed.port} answered HTTP 401: Incorrect API key provided`);
    } finally {
      await keyed.close();
    }
    await createExecutor(config(), settings).execute(executionRequest());
    expect(stub.requests[0]!.headers.authorization).toBeUndefined();
  });

  it("fails as configuration, naming the variable and not its value, when api_key_env is not set", async () => {
    const error = await failure(createExecutor(config({ api_key_env: "TEST_OPENAI_KEY" }), settings).execute(executionRequest()));
    expect(error).toMatchObject({ type: "configuration" });
    expect(error.message).toBe("the environment variable TEST_OPENAI_KEY (the executor's api_key_env) is not set on the console's server");
    expect(stub.requests).toHaveLength(0);
  });

  it("retries a 429 within the attempt after the Retry-After it asks for", async () => {
    stub.next("rate-limit", "ok");
    const started = performance.now();
    const answer = await createExecutor(config(), settings).execute(executionRequest());
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(answer.facts).toMatchObject({ retries: 1 });
    expect(stub.requests).toHaveLength(2);
  });

  it("retries a 503, and gives up with the last answer once the attempt's time cannot hold another wait", async () => {
    stub.next("unavailable", "unavailable");
    const error = await failure(createExecutor(config(), settings).execute(executionRequest({ timeoutMs: 1_500 })));
    expect(error).toMatchObject({ type: "http", facts: { status: 503, retries: 1, retry_after_s: 1 } });
    expect(error.message).toMatch(/answered HTTP 503: The server is overloaded after 2 tries$/);
  });

  it("does not wait for a Retry-After above 30 s", async () => {
    const slow = await startOpenaiStubServer({ retryAfterS: 120 });
    try {
      slow.next("rate-limit");
      const error = await failure(createExecutor(config({ base_url: slow.baseUrl }), settings).execute(executionRequest()));
      expect(error).toMatchObject({ type: "http", facts: { status: 429, retry_after_s: 120 } });
      expect(error.message).toMatch(/Rate limit reached \(it asks to retry after 120 s, more than the 30 s an attempt waits\)$/);
      expect(slow.requests).toHaveLength(1);
    } finally {
      await slow.close();
    }
  });

  it("ends on a 500 at once, with its status and message", async () => {
    stub.next("server-error");
    const error = await failure(createExecutor(config(), settings).execute(executionRequest()));
    expect(error).toMatchObject({ type: "http", facts: { status: 500 } });
    expect(error.message).toBe(`127.0.0.1:${stub.port} answered HTTP 500: The model crashed`);
    expect(stub.requests).toHaveLength(1);
  });

  it("ends on a 404 (a wrong base_url) with the endpoint's own message", async () => {
    const error = await failure(
      createExecutor(config({ base_url: `http://127.0.0.1:${stub.port}/wrong` }), settings).execute(executionRequest()),
    );
    expect(error).toMatchObject({ type: "http", facts: { status: 404 } });
    expect(error.message).toContain("no route POST /wrong/chat/completions");
  });

  it.each([
    ["malformed" as const, /^the answer is not valid JSON/],
    ["wrong-shape" as const, /^the answer is not a chat completion/],
  ])("calls a %s answer malformed", async (behaviour, message) => {
    stub.next(behaviour);
    const error = await failure(createExecutor(config(), settings).execute(executionRequest()));
    expect(error.type).toBe("malformed");
    expect(error.message).toMatch(message);
  });

  it("stops reading an answer above the size cap", async () => {
    stub.next("huge");
    const error = await failure(createExecutor(config(), settings).execute(executionRequest()));
    expect(error).toMatchObject({
      type: "too-large",
      message: `the answer of 127.0.0.1:${stub.port} is larger than 1 MiB (EXECUTOR_MAX_RESPONSE_BYTES)`,
    });
  });

  it("times out on an endpoint that never answers, at the executor's timeout_s when it is the shorter", async () => {
    stub.next("hang");
    const started = performance.now();
    const error = await failure(createExecutor(config({ timeout_s: 0.3 }), settings).execute(executionRequest()));
    expect(error).toMatchObject({ type: "timeout", message: "no answer within 300 ms" });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("ends as cancelled when the console aborts the attempt", async () => {
    stub.next("hang");
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await failure(createExecutor(config(), settings).execute(executionRequest({ signal: controller.signal })));
    expect(error.type).toBe("cancelled");
  });

  it("fails as connection when nothing listens", async () => {
    const closed = await closedPort();
    const error = await failure(
      createExecutor(config({ base_url: `http://127.0.0.1:${closed}/v1` }), settings).execute(executionRequest()),
    );
    expect(error).toMatchObject({ type: "connection", message: `could not reach 127.0.0.1:${closed}: the connection was refused` });
  });

  it("refuses link-local and metadata addresses, as written and as resolved, and hosts outside the allow-list", async () => {
    for (const base_url of ["http://169.254.169.254/v1", "http://[fd00:ec2::254]/v1"]) {
      const error = await failure(createExecutor(config({ base_url }), settings).execute(executionRequest()));
      expect(error.type).toBe("forbidden-address");
    }
    const resolving = createGuardedDispatcher(async (hostname) =>
      hostname === "metadata.test" ? [{ address: "169.254.169.254", family: 4 }] : [{ address: "127.0.0.1", family: 4 }],
    );
    try {
      const viaDns = { ...settings, dispatcher: resolving };
      const error = await failure(
        createExecutor(config({ base_url: `http://metadata.test:${stub.port}/v1` }), viaDns).execute(executionRequest()),
      );
      expect(error).toMatchObject({
        type: "forbidden-address",
        message:
          "metadata.test resolves to 169.254.169.254 is a link-local address (169.254.0.0/16), where cloud metadata services answer; the console does not call it",
      });
      // The same pool connects a name to the address it checked.
      await expect(
        createExecutor(config({ base_url: `http://agents.test:${stub.port}/v1` }), viaDns).execute(executionRequest()),
      ).resolves.toBeDefined();
    } finally {
      await resolving.destroy();
    }
    const allowList = { ...settings, allowedHosts: ["api.example.com", `127.0.0.1:${stub.port + 1}`] };
    const outside = await failure(createExecutor(config(), allowList).execute(executionRequest()));
    expect(outside).toMatchObject({ type: "forbidden-address", message: `127.0.0.1:${stub.port} is not in EXECUTOR_ALLOWED_HOSTS` });
    await expect(
      createExecutor(config(), { ...settings, allowedHosts: [`127.0.0.1:${stub.port}`] }).execute(executionRequest()),
    ).resolves.toBeDefined();
    await expect(createExecutor(config(), { ...settings, allowedHosts: ["127.0.0.1"] }).execute(executionRequest())).resolves.toBeDefined();
  });

  it("does not follow a redirect, whose target would skip the checks", async () => {
    const redirecting = createServer((_request, response) => {
      response.writeHead(307, { location: "http://169.254.169.254/latest/meta-data/" }).end();
    });
    await new Promise<void>((resolve) => redirecting.listen(0, "127.0.0.1", resolve));
    const { port } = redirecting.address() as AddressInfo;
    try {
      const error = await failure(
        createExecutor(config({ base_url: `http://127.0.0.1:${port}/v1` }), settings).execute(executionRequest()),
      );
      expect(error).toMatchObject({ type: "http", facts: { status: 307 } });
      expect(error.message).toBe(
        `127.0.0.1:${port} answered 307, a redirect to http://169.254.169.254/latest/meta-data/; write the final URL in the blueprint`,
      );
    } finally {
      redirecting.closeAllConnections();
      await new Promise((resolve) => redirecting.close(resolve));
    }
  });
});
