// A second production server on the e2e database, for what the main server's settings rule out
// (a tight request budget). The next binary itself runs, not npx, so that killing it stops it.
import { spawn } from "node:child_process";
import { E2E_DATABASE_URL } from "./e2e-databases";

export interface ExtraServer {
  baseURL: string;
  stop(): Promise<void>;
}

export async function startExtraServer(port: number, env: Record<string, string>): Promise<ExtraServer> {
  const baseURL = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      DATABASE_URL: E2E_DATABASE_URL,
      BLUEPRINTS_DIR: "data/e2e-blueprints",
      NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
      LOG_LEVEL: "warn",
      AUTOSCALER_ENABLED: "false",
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  const stop = async () => {
    server.kill();
    await exited;
  };
  for (let attempt = 0; attempt < 150; attempt++) {
    // The document is public and spends the anonymous budget, not the one under test.
    if (
      await fetch(`${baseURL}/api/openapi.json`).then(
        (response) => response.ok,
        () => false,
      )
    )
      return { baseURL, stop };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`the extra server on port ${port} did not start within 30 s`);
}
