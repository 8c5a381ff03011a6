// The executors against real peers (spec/tasks.md, "Executors"): the reference A2A agent runs as a
// child process, the OpenAI-compatible stub as an HTTP server in this worker. An admin writes
// blueprints whose executors point at them, an operator creates clusters and submits tasks
// through the API and waits for them with wait_s. Every failure of the far side ends the attempt
// with its error type and message; none makes the console answer 5xx (each test compares the
// console's own request counter before and after).
import { type ChildProcess, spawn } from "node:child_process";
import type { APIRequestContext } from "@playwright/test";
import { type OpenaiStubServer, startOpenaiStubServer } from "../../lib/test/openai-stub-server";
import { bearer, readPrincipals } from "../support/principals";
import { test as base, expect } from "./fixtures";
import { closedPort } from "../../lib/test/closed-port";

interface Attempt {
  number: number;
  outcome: string;
  error: { type: string; message: string } | null;
  executor_ref: string | null;
  facts: Record<string, unknown> | null;
}

interface Task {
  id: string;
  status: string;
  input: unknown;
  result: unknown;
  error: { type: string; message: string } | null;
  agent_id: string | null;
  attempts: Attempt[];
}

/** The variable playwright.config.ts gives the console's server, and one it does not. */
const SET_KEY = { name: "E2E_OPENAI_KEY", value: "e2e-openai-key" };
const UNSET_KEY = "E2E_UNSET_OPENAI_KEY";
const MODEL = "e2e-stub-model";
const FINAL = new Set(["succeeded", "dead", "cancelled"]);
/** A batch of long polls (wait_s) is given this long in all; a loaded 2-core machine needs the room. */
const FINISH_WITHIN_MS = 45_000;

/** What the reference agent prints, line by line, and how to stop it. */
interface AgentProcess {
  url: string;
  log: string[];
  stop(): Promise<void>;
}

/** Starts `examples/a2a-agent` on a free loopback port (it picks one: --port 0) and waits for its card. */
async function startA2aAgent(): Promise<AgentProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "examples/a2a-agent/main.ts", "--port", "0"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, A2A_AGENT_TOKEN: "" },
  });
  const log: string[] = [];
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const collect = (chunk: Buffer) => log.push(...chunk.toString("utf8").split("\n").filter(Boolean));
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(killer);
  };
  try {
    const url = await agentUrl(child, log, 30_000);
    await expect
      .poll(async () => (await fetch(`${url}/.well-known/agent-card.json`).catch(() => undefined))?.status, {
        message: "the reference agent serves its card",
        timeout: 15_000,
      })
      .toBe(200);
    return { url, log, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function agentUrl(child: ChildProcess, log: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const found = () => log.map((line) => /reference A2A agent on (http:\/\/\S+)/.exec(line)?.[1]).find(Boolean);
    const timer = setTimeout(
      () => finish(new Error(`the reference agent did not start within ${timeoutMs} ms:\n${log.join("\n")}`)),
      timeoutMs,
    );
    const onData = () => {
      const url = found();
      if (url) finish(url);
    };
    const onExit = () => finish(new Error(`the reference agent exited:\n${log.join("\n")}`));
    function finish(outcome: string | Error) {
      clearTimeout(timer);
      child.stdout!.off("data", onData);
      child.off("exit", onExit);
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    }
    child.stdout!.on("data", onData);
    child.once("exit", onExit);
    onData();
  });
}

/** Blueprint ids of this run: a worker restarted after a failure writes its own. */
const RUN = Date.now().toString(36);
const A2A_BLUEPRINT = `e2e-exec-a2a-${RUN}`;
const OPENAI_BLUEPRINT = `e2e-exec-openai-${RUN}`;
const A2A_NAME = `E2E A2A desk ${RUN}`;
const OPENAI_NAME = `E2E OpenAI desk ${RUN}`;

const a2aYaml = (agentUrl: string) => `metadata:
  id: ${A2A_BLUEPRINT}
  name: ${A2A_NAME}
  version: 1.0.0
  description: Workers hand their tasks to the reference A2A agent
  tags: [e2e, executors]
cluster:
  type: team
  min_workers: 1
  max_workers: 2
  target_workers: 1
  config:
    executor: { type: a2a, url: "${agentUrl}" }
agents:
  - name: desk-lead
    role: supervisor
    capabilities: [planning]
  - name: researcher
    role: worker
    reports_to: desk-lead
    count: 1-2
    concurrency: 4
    description: Sends each question to the A2A agent
    capabilities: [research]
`;

const openaiYaml = (baseUrl: string, deadPort: number) => `metadata:
  id: ${OPENAI_BLUEPRINT}
  name: ${OPENAI_NAME}
  version: 1.0.0
  description: Writers backed by an OpenAI-compatible endpoint
  tags: [e2e, executors]
cluster:
  type: team
  min_workers: 1
  max_workers: 2
  target_workers: 1
  config:
    executor: { type: openai, base_url: "${baseUrl}", model: ${MODEL}, api_key_env: ${SET_KEY.name} }
agents:
  - name: editor
    role: supervisor
    capabilities: [review]
  - name: writer
    role: worker
    reports_to: editor
    count: 1-2
    concurrency: 8
    description: Writes short product copy in a friendly voice
    capabilities: [copywriting, headlines]
    skills: [tone-of-voice]
  - name: keyless
    role: specialist
    reports_to: editor
    description: Its key's variable is not set on the console's server
    capabilities: [keyless-work]
    executor: { type: openai, base_url: "${baseUrl}", model: ${MODEL}, api_key_env: ${UNSET_KEY} }
  - name: unreachable
    role: specialist
    reports_to: editor
    description: Calls a port nothing listens on
    capabilities: [unreachable-work]
    executor: { type: openai, base_url: "http://127.0.0.1:${deadPort}/v1", model: ${MODEL} }
`;

let agent: AgentProcess;
let stub: OpenaiStubServer;
let deadPort: number;

const test = base.extend<{ operator: APIRequestContext }>({
  operator: async ({ playwright, baseURL, principals }, provide) => {
    const operator = await playwright.request.newContext({ baseURL, extraHTTPHeaders: bearer(principals.tokens.operator) });
    await provide(operator);
    await operator.dispose();
  },
});

test.beforeAll(async ({ playwright }, testInfo) => {
  test.setTimeout(90_000);
  [agent, stub, deadPort] = await Promise.all([startA2aAgent(), startOpenaiStubServer({ apiKey: SET_KEY.value }), closedPort()]);
  const admin = await playwright.request.newContext({
    baseURL: testInfo.project.use.baseURL,
    extraHTTPHeaders: bearer(readPrincipals().tokens.admin),
  });
  try {
    for (const [id, name, yaml] of [
      [A2A_BLUEPRINT, A2A_NAME, a2aYaml(agent.url)],
      [OPENAI_BLUEPRINT, OPENAI_NAME, openaiYaml(stub.baseUrl, deadPort)],
    ] as const) {
      const created = await admin.post("/api/blueprints", { data: { id, name, version: "1.0.0", blueprint_yaml: yaml } });
      expect(created.status(), await created.text()).toBe(201);
    }
  } finally {
    await admin.dispose();
  }
});

test.afterAll(async () => {
  await Promise.all([agent?.stop(), stub?.close()]);
});

/** The console's 5xx answers so far, from its own request counter. */
async function serverErrors(request: APIRequestContext): Promise<number> {
  const scrape = await request.get("/api/metrics");
  expect(scrape.status()).toBe(200);
  return (await scrape.text())
    .split("\n")
    .filter((line) => line.startsWith("cluster_console_http_requests_total{") && /status="5\d\d"/.test(line))
    .reduce((sum, line) => sum + Number(line.split(" ").at(-1)), 0);
}

let errorsBefore = 0;
test.beforeEach(async ({ request }) => {
  errorsBefore = await serverErrors(request);
});
test.afterEach(async ({ request }) => {
  expect(await serverErrors(request), "the console answered 5xx during the test").toBe(errorsBefore);
});

async function createCluster(operator: APIRequestContext, blueprintId: string, name: string, config?: unknown) {
  const created = await operator.post("/api/clusters", { data: { blueprint_id: blueprintId, name, ...(config ? { config } : {}) } });
  expect(created.status(), await created.text()).toBe(201);
  return (await created.json()) as { id: string };
}

async function submit(operator: APIRequestContext, clusterId: string, tasks: unknown[]): Promise<Task[]> {
  const submitted = await operator.post(`/api/clusters/${clusterId}/tasks`, { data: { tasks } });
  expect(submitted.status(), await submitted.text()).toBe(202);
  return ((await submitted.json()) as { items: Task[] }).items;
}

/** Long-polls a task (wait_s) until it is final. */
async function finished(operator: APIRequestContext, taskId: string): Promise<Task> {
  const deadline = Date.now() + FINISH_WITHIN_MS;
  for (;;) {
    const answer = await operator.get(`/api/tasks/${taskId}?wait_s=10`);
    expect(answer.status()).toBe(200);
    const task = (await answer.json()) as Task;
    if (FINAL.has(task.status)) return task;
    if (Date.now() > deadline) throw new Error(`task ${taskId} is still ${task.status} after ${FINISH_WITHIN_MS} ms`);
  }
}

/** The reference agent's own view of a task: A2A v1.0 `GetTask` over JSON-RPC, the binding the console used. */
async function remoteTask(remoteId: string): Promise<{ status: { state: string }; artifacts?: Array<{ name: string }> }> {
  const response = await fetch(`${agent.url}/a2a/jsonrpc`, {
    method: "POST",
    headers: { "content-type": "application/json", "A2A-Version": "1.0" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "GetTask", params: { id: remoteId } }),
  });
  expect(response.status).toBe(200);
  const answer = (await response.json()) as { result?: { status: { state: string } }; error?: unknown };
  expect(answer.error, `GetTask ${remoteId}`).toBeUndefined();
  return answer.result!;
}

test.describe("[API][EXECUTORS]", () => {
  test("a2a: text and data go to the reference agent; its artifacts are the result, its task id the attempt's", async ({ operator }) => {
    const cluster = await createCluster(operator, A2A_BLUEPRINT, "A2A reports");
    const text = "Summarise the spring launch plan for the team";
    const data = { topic: "pricing", regions: ["eu", "us"] };
    const [textTask, dataTask] = await submit(operator, cluster.id, [
      { input: text, max_attempts: 1 },
      { input: data, max_attempts: 1 },
    ]);

    const textDone = await finished(operator, textTask!.id);
    expect(textDone.status, JSON.stringify(textDone.error)).toBe("succeeded");
    const [attempt] = textDone.attempts;
    expect(attempt).toMatchObject({ number: 1, outcome: "succeeded", error: null, executor_ref: expect.any(String) });
    expect(attempt!.facts).toMatchObject({
      agent: "Reference report agent",
      protocol_version: expect.stringMatching(/^(1\.0|0\.3)$/),
      transport: expect.stringMatching(/^(JSONRPC|HTTP\+JSON)$/),
      remote_state: "completed",
    });
    const askedBy = expect.stringMatching(/^researcher-\d+$/);
    expect(textDone.result).toEqual({
      artifacts: [
        {
          artifact_id: "report",
          name: "report",
          description: "What the agent found in the input",
          parts: [
            { text: expect.stringMatching(new RegExp(`^Report for researcher-\\d+: 8 words, ${text.length} characters\\.$`)) },
            { data: { asked_by: askedBy, kind: "text", words: 8, characters: text.length, echo: text } },
          ],
        },
      ],
    });
    // The attempt's executor_ref names the agent's own task, which it reports completed.
    expect(await remoteTask(attempt!.executor_ref!)).toMatchObject({
      status: { state: "TASK_STATE_COMPLETED" },
      artifacts: [{ name: "report" }],
    });

    const dataDone = await finished(operator, dataTask!.id);
    expect(dataDone.status, JSON.stringify(dataDone.error)).toBe("succeeded");
    expect(dataDone.result).toMatchObject({
      artifacts: [
        {
          parts: [
            { text: expect.stringContaining("data with 2 keys") },
            { data: { kind: "data", keys: ["topic", "regions"], echo: data } },
          ],
        },
      ],
    });
    expect(dataDone.attempts[0]!.executor_ref).not.toBe(attempt!.executor_ref);
  });

  test("a2a: cancelling a running task cancels the agent's task too", async ({ operator }) => {
    const cluster = await createCluster(operator, A2A_BLUEPRINT, "A2A cancelled");
    const [task] = await submit(operator, cluster.id, [{ input: { topic: "a long study", duration_ms: 120_000 }, max_attempts: 1 }]);

    // The remote id is kept on the attempt as soon as the agent names its task.
    let remoteId = "";
    await expect
      .poll(
        async () => {
          const view = (await (await operator.get(`/api/tasks/${task!.id}`)).json()) as Task;
          remoteId = view.attempts[0]?.executor_ref ?? "";
          return { status: view.status, named: remoteId !== "" };
        },
        { message: "the running attempt names the agent's task", timeout: 20_000 },
      )
      .toEqual({ status: "running", named: true });
    expect((await remoteTask(remoteId)).status.state).toBe("TASK_STATE_WORKING");

    const cancelled = await operator.post(`/api/tasks/${task!.id}/cancel`);
    expect(cancelled.status()).toBe(200);
    expect(await cancelled.json()).toMatchObject({ status: "cancelled", attempts: [{ outcome: "cancelled", executor_ref: remoteId }] });
    await expect
      .poll(() => agent.log.some((line) => line.includes(`cancel requested for task ${remoteId}`)), {
        message: "the agent is asked to cancel its task",
        timeout: 15_000,
      })
      .toBe(true);
    expect((await remoteTask(remoteId)).status.state).toBe("TASK_STATE_CANCELED");
  });

  test("openai: the reply and its usage are the result; the system message is the agent's definition", async ({ operator }) => {
    const cluster = await createCluster(operator, OPENAI_BLUEPRINT, "OpenAI writers");
    const prompt = `Write a headline for the spring sale (${RUN})`;
    const [task] = await submit(operator, cluster.id, [{ input: prompt, max_attempts: 1 }]);
    const done = await finished(operator, task!.id);
    expect(done.status, JSON.stringify(done.error)).toBe("succeeded");
    const { text, usage } = done.result as { text: string; usage: Record<string, number> };
    expect(text).toBe(`Stub answer from ${MODEL} to 8 words: ${prompt}`);
    expect(usage.completion_tokens).toBe(text.split(" ").length);
    expect(usage.prompt_tokens).toBeGreaterThan(8);
    expect(usage.total_tokens).toBe(usage.prompt_tokens! + usage.completion_tokens!);
    expect(done.attempts[0]).toMatchObject({
      outcome: "succeeded",
      executor_ref: expect.stringMatching(/^chatcmpl-stub-2-\d+$/),
      facts: { model: MODEL, finish_reason: "stop", retries: 0 },
    });

    const received = stub.requests.filter((request) => JSON.stringify(request.body).includes(prompt));
    expect(received).toHaveLength(1);
    expect(received[0]!.headers.authorization).toBe(`Bearer ${SET_KEY.value}`);
    const { model, messages } = received[0]!.body as { model: string; messages: Array<{ role: string; content: string }> };
    expect(model).toBe(MODEL);
    expect(messages.map((message) => message.role)).toEqual(["system", "user"]);
    expect(messages[0]!.content).toMatch(/^You are writer-\d+, a worker agent of the "writer" definition in a team of AI agents\.$/m);
    expect(messages[0]!.content).toContain("Writes short product copy in a friendly voice");
    expect(messages[0]!.content).toContain("Your capabilities: copywriting, headlines.");
    expect(messages[0]!.content).toContain("Your skills: tone-of-voice.");
    expect(messages[1]!.content).toBe(prompt);
  });

  test("every failure of the far side ends the task dead with its error type, never the console's", async ({ operator }) => {
    const openai = await createCluster(operator, OPENAI_BLUEPRINT, "OpenAI failures");
    const a2aRefused = await createCluster(operator, A2A_BLUEPRINT, "A2A refused", {
      executor: { type: "a2a", url: `http://127.0.0.1:${deadPort}` },
    });
    const cases = [
      { name: "http", input: { stub: "server-error", run: RUN }, type: "http", message: /answered HTTP 500: The model crashed/ },
      { name: "malformed", input: { stub: "malformed", run: RUN }, type: "malformed", message: /not valid JSON|could not be read/ },
      { name: "timeout", input: { stub: "hang", run: RUN }, timeout_s: 2, type: "timeout", message: /2 s/ },
      {
        name: "configuration",
        input: { case: "keyless", run: RUN },
        definition: "keyless",
        type: "configuration",
        message: new RegExp(`${UNSET_KEY} .*is not set on the console's server`),
      },
      {
        name: "connection (openai)",
        input: { case: "unreachable", run: RUN },
        definition: "unreachable",
        type: "connection",
        message: new RegExp(`could not reach 127\\.0\\.0\\.1:${deadPort}: the connection was refused`),
      },
    ];
    const submitted = await submit(
      operator,
      openai.id,
      cases.map(({ input, definition, timeout_s }) => ({ input, definition, timeout_s, max_attempts: 1 })),
    );
    const [refused] = await submit(operator, a2aRefused.id, [{ input: "anyone there?", max_attempts: 1 }]);
    const all = [
      ...cases.map((failure, index) => ({ ...failure, id: submitted[index]!.id })),
      {
        name: "connection (a2a)",
        id: refused!.id,
        type: "connection",
        message: new RegExp(`could not reach 127\\.0\\.0\\.1:${deadPort}: the connection was refused`),
      },
    ];

    for (const failure of all) {
      await test.step(failure.name, async () => {
        const done = await finished(operator, failure.id);
        expect(done.status).toBe("dead");
        expect(done.error).toEqual({ type: failure.type, message: expect.stringMatching(failure.message) });
        expect(done.attempts).toMatchObject([{ number: 1, outcome: "failed", error: { type: failure.type } }]);
      });
    }
    // The key's variable is missing: nothing was sent, not even without a key.
    expect(stub.requests.filter((request) => JSON.stringify(request.body).includes(`keyless`))).toEqual([]);
  });

  test("SSRF: metadata and link-local executor URLs are refused in a blueprint and never called from a cluster's config", async ({
    request,
    operator,
  }) => {
    const yaml = `metadata: { id: e2e-exec-metadata-${RUN}, name: Metadata ${RUN}, version: 1.0.0 }
cluster:
  type: team
  min_workers: 1
  max_workers: 1
  config:
    executor: { type: openai, base_url: "http://[fd00:ec2::254]/v1", model: ${MODEL} }
agents:
  - { name: lead, role: supervisor, capabilities: [plan] }
  - name: doer
    role: worker
    reports_to: lead
    count: 1-1
    capabilities: [work]
    executor: { type: a2a, url: "http://169.254.169.254/latest/meta-data/" }
`;
    const refusedBlueprint = await request.post("/api/blueprints", {
      data: { id: `e2e-exec-metadata-${RUN}`, name: `Metadata ${RUN}`, version: "1.0.0", blueprint_yaml: yaml },
    });
    expect(refusedBlueprint.status()).toBe(400);
    const { errors } = (await refusedBlueprint.json()) as { errors: Array<{ path: string; message: string }> };
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: "cluster.config.executor.base_url",
          message: expect.stringMatching(/fd00:ec2::254 is a cloud metadata address/),
        }),
        expect.objectContaining({
          path: "agents[1].executor.url",
          message: expect.stringMatching(/169\.254\.169\.254 is a link-local address/),
        }),
      ]),
    );
    expect((await request.get(`/api/blueprints/e2e-exec-metadata-${RUN}`)).status()).toBe(404);

    // An operator's own executor for a cluster (config.executor) is held to the same rules: refused, nothing created.
    const before = ((await operator.get("/api/clusters?page_size=1").then((answer) => answer.json())) as { total: number }).total;
    const override = await operator.post("/api/clusters", {
      data: {
        blueprint_id: A2A_BLUEPRINT,
        name: "Metadata override",
        config: { executor: { type: "a2a", url: "http://169.254.169.254/" } },
      },
    });
    expect(override.status()).toBe(400);
    expect((await override.json()).errors).toEqual([
      expect.objectContaining({
        path: "config.executor.url",
        message: expect.stringMatching(/169\.254\.169\.254 is a link-local address/),
      }),
    ]);
    expect(((await operator.get("/api/clusters?page_size=1").then((answer) => answer.json())) as { total: number }).total).toBe(before);
  });

  test("results are data: markup in a result comes back verbatim as JSON", async ({ operator }) => {
    const cluster = await createCluster(operator, A2A_BLUEPRINT, "Markup");
    const markup = `<script>alert("e2e")</script><img src=x onerror=alert(1)>`;
    const [task] = await submit(operator, cluster.id, [{ input: markup, max_attempts: 1 }]);
    expect((await finished(operator, task!.id)).status).toBe("succeeded");
    const answer = await operator.get(`/api/tasks/${task!.id}`);
    expect(answer.headers()["content-type"]).toMatch(/^application\/json/);
    expect(answer.headers()["x-content-type-options"]).toBe("nosniff");
    const body = await answer.text();
    expect(body).toContain(JSON.stringify(markup));
    expect(body).not.toContain("&lt;script");
    const { result } = JSON.parse(body) as { result: { artifacts: Array<{ parts: Array<{ data?: { echo?: unknown } }> }> } };
    expect(result.artifacts[0]!.parts[1]!.data!.echo).toBe(markup);
  });
});
