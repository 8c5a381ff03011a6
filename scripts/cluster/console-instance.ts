// One production console instance (`next start` of the current build) as a child process, for
// `npm run console:cluster` and the tests that need several: started on its port with its own
// environment, ready once it answers, stopped, killed or started again on demand. The next binary
// runs directly (not through npm or npx), so that a signal reaches the server itself.
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";

export interface ConsoleInstanceOptions {
  port: number;
  host?: string;
  /** Added to this process's environment; DATABASE_URL names the shared database. */
  env: Record<string, string>;
  /** Receives each line the server writes (stdout and stderr). */
  onLine?: (line: string) => void;
  /** Called when the server exits without being asked to (a crash, or a kill from outside). */
  onUnexpectedExit?: (code: number | null, signal: NodeJS.Signals | null) => void;
  /**
   * When the server counts as started: "healthy" once /api/health answers 200 (the default: its
   * database answers, with the migrations applied); "answering" once it answers at all, 503 too.
   */
  readyWhen?: "healthy" | "answering";
  /** How long it may take to be ready before it is stopped and the start fails; default 90 s. */
  readyTimeoutMs?: number;
}

const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 15_000;

export class ConsoleInstance {
  readonly url: string;
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private stopping = false;

  constructor(private readonly options: ConsoleInstanceOptions) {
    this.url = `http://${options.host ?? "127.0.0.1"}:${options.port}`;
  }

  get port(): number {
    return this.options.port;
  }

  /** The server's process id while it runs. */
  get pid(): number | undefined {
    const child = this.child;
    return child && child.exitCode === null && child.signalCode === null ? child.pid : undefined;
  }

  /** Starts the server and resolves once it answers; rejects if it exits or stays silent first. */
  async start(): Promise<void> {
    if (this.pid !== undefined) throw new Error(`the instance on port ${this.port} already runs`);
    this.stopping = false;
    const child = spawn(
      process.execPath,
      ["node_modules/next/dist/bin/next", "start", "-p", String(this.port), "-H", this.options.host ?? "127.0.0.1"],
      { env: { ...process.env, ...this.options.env }, stdio: ["ignore", "pipe", "pipe"] },
    );
    this.child = child;
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on("line", (line) => this.options.onLine?.(line));
    }
    this.exited = new Promise((resolve) =>
      child.once("exit", (code, signal) => {
        if (!this.stopping) this.options.onUnexpectedExit?.(code, signal);
        resolve();
      }),
    );
    await this.waitUntilReady(child);
  }

  /** Sends `signal` and resolves once the server has exited. SIGKILL is a crash: nothing runs after it. */
  async kill(signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
    this.stopping = true;
    this.child?.kill(signal);
    await this.exited;
  }

  /** Asks the server to stop (SIGTERM), and kills it if it has not within 15 s. */
  async stop(): Promise<void> {
    if (this.pid === undefined) return;
    this.stopping = true;
    const timer = setTimeout(() => this.child?.kill("SIGKILL"), STOP_TIMEOUT_MS);
    this.child?.kill("SIGTERM");
    await this.exited;
    clearTimeout(timer);
  }

  private async waitUntilReady(child: ChildProcess): Promise<void> {
    const timeoutMs = this.options.readyTimeoutMs ?? READY_TIMEOUT_MS;
    const deadline = Date.now() + timeoutMs;
    const answering = this.options.readyWhen === "answering";
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`the instance on port ${this.port} exited while starting (${child.exitCode ?? child.signalCode})`);
      }
      // The load balancer's probe: the server answers, its database too, with the migrations applied.
      // It spends no request budget, so a tight one under test stays whole.
      const ready = await fetch(`${this.url}/api/health`, { signal: AbortSignal.timeout(5_000) }).then(
        (response) => response.ok || (answering && response.status === 503),
        () => false,
      );
      if (ready) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await this.stop();
    throw new Error(`the instance on port ${this.port} did not answer within ${timeoutMs / 1000} s`);
  }
}
