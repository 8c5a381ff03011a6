// The a2a executor against the real reference A2A agent (examples/a2a-agent), started in this
// process on a free loopback port, and against small HTTP servers that answer what no agent should.
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type ReferenceAgent, startReferenceAgent } from "@/examples/a2a-agent/agent";
import type { A2aExecutorConfig } from "@/lib/blueprint/executor-schema";
import { executionRequest } from "@/lib/test/execution-request";
import { agentCardUrl } from "./a2a-executor";
import { createExecutor } from "./create-executor";
import type { ExecutorSettings } from "./executor-settings";
import { ExecutionError, type ExecutionResult } from "./executor";
import { createGuardedDispatcher } from "./guarded-dispatcher";
import { closedPort } from "@/lib/test/closed-port";

const dispatcher = createGuardedDispatcher();
const settings: ExecutorSettings = { maxResponseBytes: 1_048_576, allowedHosts: undefined, dispatcher };
let agent: ReferenceAgent;

beforeAll(async () => {
  agent = await startReferenceAgent();
});
afterAll(async () => {
  await agent.close();
  await dispatcher.destroy();
});
afterEach(() => {
  delete process.env.TEST_A2A_TOKEN;
});

const config = (overrides: Partial<A2aExecutorConfig> = {}): A2aExecutorConfig => ({ type: "a2a", url: agent.url, ...overrides });

async function failure(promise: Promise<ExecutionResult>): Promise<ExecutionError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ExecutionError);
  return error as ExecutionError;
}

/** Resolves with the remote task id once the executor reports it. */
function reportedRef() {
  let resolve!: (ref: string) => void;
  const ref = new Promise<string>((done) => (resolve = done));
  return { ref, onExecutorRef: (value: string) => resolve(value) };
}

describe("the a2a executor", () => {
  it("sends text as a text part and answers the agent's artifacts, reporting the remote task id", async () => {
    const refs: string[] = [];
    const answer = await createExecutor(config(), settings).execute(executionRequest({ onExecutorRef: (ref) => refs.push(ref) }));
    expect(refs).toHaveLength(1);
    expect(answer).toEqual({
      result: {
        artifacts: [
          {
            artifact_id: "report",
            name: "report",
            description: "What the agent found in the input",
            parts: [
              { text: "Report for copywriter-2: 7 words, 37 characters." },
              {
                data: {
                  asked_by: "copywriter-2",
                  kind: "text",
                  words: 7,
                  characters: 37,
                  echo: "Write a tagline for the spring launch",
                },
              },
            ],
          },
        ],
      },
      executorRef: refs[0],
      facts: { protocol_version: "1.0", transport: "JSONRPC", agent: "Reference report agent", remote_state: "completed" },
    });
  });

  it("sends other input as a data part", async () => {
    const answer = await createExecutor(config(), settings).execute(executionRequest({ input: { topic: "pricing", tiers: [1, 2] } }));
    expect(answer.result).toMatchObject({
      artifacts: [
        {
          parts: [
            { text: "Report for copywriter-2: data with 2 keys." },
            { data: { kind: "data", echo: { topic: "pricing", tiers: [1, 2] } } },
          ],
        },
      ],
    });
  });

  it("cancels the remote task when the console aborts the attempt, and the agent sees the cancel", async () => {
    const { ref, onExecutorRef } = reportedRef();
    const controller = new AbortController();
    void ref.then(() => controller.abort());
    const error = await failure(
      createExecutor(config(), settings).execute(
        executionRequest({ input: { duration_ms: 30_000 }, signal: controller.signal, onExecutorRef }),
      ),
    );
    const taskId = await ref;
    expect(error).toMatchObject({ type: "cancelled", facts: { remote_task_id: taskId, remote_cancel: "sent" } });
    expect(agent.cancelRequests).toContain(taskId);
  });

  it("times out at the attempt's time and cancels the remote task too", async () => {
    const { ref, onExecutorRef } = reportedRef();
    const started = performance.now();
    const error = await failure(
      createExecutor(config({ timeout_s: 0.4 }), settings).execute(executionRequest({ input: { duration_ms: 30_000 }, onExecutorRef })),
    );
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(error).toMatchObject({ type: "timeout", message: "no answer within 400 ms", facts: { remote_cancel: "sent" } });
    expect(agent.cancelRequests).toContain(await ref);
  });

  it("ends as remote-failed with the agent's words when its task fails", async () => {
    const error = await failure(
      createExecutor(config(), settings).execute(executionRequest({ input: { fail: "the archive is offline" } })),
    );
    expect(error).toMatchObject({
      type: "remote-failed",
      message: "the agent failed the task: the archive is offline",
      facts: { remote_state: "failed" },
    });
  });

  it("polls a peer without streaming, and cancels there too", async () => {
    const polled = await startReferenceAgent({ streaming: false });
    try {
      const answer = await createExecutor(config({ url: polled.url }), settings).execute(executionRequest({ input: { duration_ms: 600 } }));
      expect(answer.facts).toMatchObject({ remote_state: "completed" });
      expect(answer.result).toMatchObject({ artifacts: [{ parts: [{}, { data: { kind: "data", keys: ["duration_ms"] } }] }] });

      const { ref, onExecutorRef } = reportedRef();
      const controller = new AbortController();
      void ref.then(() => setTimeout(() => controller.abort(), 100));
      const error = await failure(
        createExecutor(config({ url: polled.url }), settings).execute(
          executionRequest({ input: { duration_ms: 30_000 }, signal: controller.signal, onExecutorRef }),
        ),
      );
      expect(error.type).toBe("cancelled");
      expect(polled.cancelRequests).toEqual([await ref]);
    } finally {
      await polled.close();
    }
  });

  it("accepts a v0.3 agent card and speaks v0.3 to it", async () => {
    const legacyCard = {
      protocolVersion: "0.3.0",
      name: "Legacy report agent",
      description: "The reference agent, described the v0.3 way",
      url: `${agent.url}/a2a/jsonrpc`,
      preferredTransport: "JSONRPC",
      version: "0.3.0",
      capabilities: { streaming: true },
      defaultInputModes: ["text/plain"],
      defaultOutputModes: ["text/plain"],
      skills: [{ id: "report", name: "Report", description: "Reports", tags: [] }],
    };
    await withServer(
      (_request, response) => response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(legacyCard)),
      async (url) => {
        const answer = await createExecutor(config({ url: `${url}/card.json` }), settings).execute(
          executionRequest({ input: "three little words" }),
        );
        expect(answer.facts).toMatchObject({ protocol_version: "0.3", agent: "Legacy report agent", remote_state: "completed" });
        expect(answer.result).toMatchObject({ artifacts: [{ parts: [{ text: "Report for copywriter-2: 3 words, 18 characters." }, {}] }] });
      },
    );
  });

  it("sends the bearer token from api_key_env; a missing variable is named, a wrong token is the agent's 401", async () => {
    const secured = await startReferenceAgent({ token: "agent-token-1" });
    try {
      const executor = createExecutor(config({ url: secured.url, api_key_env: "TEST_A2A_TOKEN" }), settings);
      const missing = await failure(executor.execute(executionRequest()));
      expect(missing).toMatchObject({ type: "configuration" });
      expect(missing.message).toBe(
        "the environment variable TEST_A2A_TOKEN (the executor's api_key_env) is not set on the console's server",
      );

      process.env.TEST_A2A_TOKEN = "agent-token-1";
      await expect(executor.execute(executionRequest())).resolves.toMatchObject({ facts: { remote_state: "completed" } });

      process.env.TEST_A2A_TOKEN = "someone-elses";
      const refused = await failure(executor.execute(executionRequest()));
      expect(refused).toMatchObject({ type: "http", facts: { status: 401 } });
      expect(refused.message).toBe(`${new URL(secured.url).host} answered HTTP 401: a bearer token is required`);
    } finally {
      await secured.close();
    }
  });

  it("fails as connection when nothing listens", async () => {
    const port = await closedPort();
    const error = await failure(createExecutor(config({ url: `http://127.0.0.1:${port}` }), settings).execute(executionRequest()));
    expect(error).toMatchObject({ type: "connection", message: `could not reach 127.0.0.1:${port}: the connection was refused` });
  });

  it.each([
    [404, "no agent card here"],
    [502, "bad gateway"],
  ])("ends on a %i with its status", async (status, body) => {
    await withServer(
      (_request, response) => response.writeHead(status, { "content-type": "text/plain" }).end(body),
      async (url) => {
        const error = await failure(createExecutor(config({ url }), settings).execute(executionRequest()));
        expect(error).toMatchObject({ type: "http", facts: { status } });
        expect(error.message).toBe(`${new URL(url).host} answered HTTP ${status}: ${body}`);
      },
    );
  });

  it("calls an unreadable card malformed", async () => {
    for (const card of ["<html>not a card</html>", JSON.stringify({ name: "No interfaces" })]) {
      await withServer(
        (_request, response) => response.writeHead(200, { "content-type": "application/json" }).end(card),
        async (url) => {
          const error = await failure(createExecutor(config({ url }), settings).execute(executionRequest()));
          expect(error.type).toBe("malformed");
          expect(error.message).toMatch(
            /^the agent card at http:\/\/127\.0\.0\.1:\d+\/\.well-known\/agent-card\.json (could not be read|lists no interface)/,
          );
        },
      );
    }
  });

  it("stops reading a card above the size cap", async () => {
    await withServer(
      (_request, response) => {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(JSON.stringify({ name: "x".repeat(2 * 1_048_576) }));
      },
      async (url) => {
        const error = await failure(createExecutor(config({ url }), settings).execute(executionRequest()));
        expect(error).toMatchObject({ type: "too-large" });
      },
    );
  });

  it("refuses metadata addresses and hosts outside the allow-list", async () => {
    for (const url of ["http://169.254.169.254", "http://[fd00:ec2::254]:8080"]) {
      const error = await failure(createExecutor(config({ url }), settings).execute(executionRequest()));
      expect(error.type).toBe("forbidden-address");
    }
    const host = new URL(agent.url).host;
    const outside = await failure(
      createExecutor(config(), { ...settings, allowedHosts: ["agents.example.com"] }).execute(executionRequest()),
    );
    expect(outside).toMatchObject({ type: "forbidden-address", message: `${host} is not in EXECUTOR_ALLOWED_HOSTS` });
    await expect(createExecutor(config(), { ...settings, allowedHosts: [host] }).execute(executionRequest())).resolves.toBeDefined();
  });
});

describe("agentCardUrl", () => {
  it.each([
    ["http://127.0.0.1:4100", "http://127.0.0.1:4100/.well-known/agent-card.json"],
    ["https://agents.example.com/research", "https://agents.example.com/research/.well-known/agent-card.json"],
    ["https://agents.example.com/research/", "https://agents.example.com/research/.well-known/agent-card.json"],
    ["https://agents.example.com/cards/research.json", "https://agents.example.com/cards/research.json"],
  ])("reads the card of %s at %s", (url, card) => {
    expect(agentCardUrl(url)).toBe(card);
  });
});

async function withServer(listener: RequestListener, run: (url: string) => Promise<void>): Promise<void> {
  const server: Server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
