// A second production server on the e2e database, for what the main server's settings rule out
// (a tight request budget). The next binary itself runs, not npx, so that killing it stops it.
// It has the main server's budgets unless told otherwise (see server-env.ts for why that matters).
import { spawn } from "node:child_process";
import { E2E_DATABASE_URL } from "./e2e-databases";
import { E2E_SECRET, HIGH_BUDGETS } from "./server-env";

export interface ExtraServer {
  baseURL: string;
  stop(): Promise<void>;
}

/** Well inside a test's 30 s, so a server that never gets ready fails its test with this message and is stopped. */
const START_TIMEOUT_MS = 20_000;

export async function startExtraServer(port: number, env: Record<string, string>): Promise<ExtraServer> {
  const baseURL = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      DATABASE_URL: E2E_DATABASE_URL,
      BLUEPRINTS_DIR: "data/e2e-blueprints",
      NEXTAUTH_SECRET: E2E_SECRET,
      LOG_LEVEL: "warn",
      AUTOSCALER_ENABLED: "false",
      ...HIGH_BUDGETS,
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) =>
    server.once("exit", (code) => {
      exitCode = code;
      resolve();
    }),
  );
  // Next.js waits for open requests before it exits on SIGTERM; a server that will not stop is killed.
  const stop = async () => {
    server.kill();
    const killLater = setTimeout(() => server.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(killLater);
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  let lastAnswer = "no answer";
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`the extra server on port ${port} exited with code ${exitCode} before it was ready`);
    // The document is public and spends the anonymous budget, not the one under test.
    const status = await fetch(`${baseURL}/api/openapi.json`, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.status,
      () => null,
    );
    if (status === 200) return { baseURL, stop };
    if (status !== null) lastAnswer = `last answer ${status}`;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`the extra server on port ${port} was not ready within ${START_TIMEOUT_MS / 1000} s (${lastAnswer})`);
}
