// A second production server on the e2e database, for what the main server's settings rule out
// (a tight request budget, a database without migrations): a ConsoleInstance with the main
// server's budgets unless told otherwise (see server-env.ts for why that matters).
import { ConsoleInstance } from "../../scripts/cluster/console-instance";
import { E2E_DATABASE_URL } from "./e2e-databases";
import { E2E_SECRET, HIGH_BUDGETS } from "./server-env";

export interface ExtraServer {
  baseURL: string;
  stop(): Promise<void>;
}

/** Well inside a test's 30 s with the stop after it, so a server that never gets ready fails its test and is stopped. */
const START_TIMEOUT_MS = 12_000;

export async function startExtraServer(port: number, env: Record<string, string>): Promise<ExtraServer> {
  const server = new ConsoleInstance({
    port,
    env: {
      DATABASE_URL: E2E_DATABASE_URL,
      BLUEPRINTS_DIR: "data/e2e-blueprints",
      NEXTAUTH_SECRET: E2E_SECRET,
      LOG_LEVEL: "warn",
      AUTOSCALER_ENABLED: "false",
      ...HIGH_BUDGETS,
      ...env,
    },
    // A database without migrations answers 503, and one test wants exactly that server.
    readyWhen: "answering",
    readyTimeoutMs: START_TIMEOUT_MS,
  });
  await server.start();
  return { baseURL: server.url, stop: () => server.stop() };
}
