// Several real production console instances on one fresh PostgreSQL database, behind the local
// round-robin proxy of `npm run console:cluster` (the same modules), for the specs that prove what
// several instances do together. Each instance can be killed, stopped and started again; its log
// lines are kept (JSON, one per line) for specs that read what its start-up did.
//
// A spec gets: the database URL, the instances and the proxy, an admin token, request contexts on
// each instance, the command line on the shared database (more users and tokens), and helpers to
// read a cluster's agents and the agents each instance's local driver runs.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { type APIRequestContext, request } from "@playwright/test";
import pg from "pg";

import { createTestDatabase, dropTestDatabase } from "../../lib/test/postgres-databases";
import { ConsoleInstance } from "../../scripts/cluster/console-instance";
import { type RoundRobinProxy, startRoundRobinProxy } from "../../scripts/cluster/round-robin-proxy";
import { bearer } from "./principals";
import { HIGH_BUDGETS } from "./server-env";

export const CLUSTER_ADMIN = { email: "admin@cluster.e2e.test", password: "cluster-admin-password" };

export interface ConsoleClusterOptions {
  /** The proxy's port; the instances take the ones after it. */
  port: number;
  instances?: number;
  /** Added to every instance's environment (tighter leases, locks, budgets). */
  env?: Record<string, string>;
}

export interface ClusterInstance {
  server: ConsoleInstance;
  /** Calls on this instance alone, as the admin. */
  api: APIRequestContext;
  /** Its log lines since it last started. */
  logs: string[];
}

export interface ConsoleCluster {
  databaseUrl: string;
  instances: ClusterInstance[];
  proxy: RoundRobinProxy;
  adminToken: string;
  /** Calls through the proxy, as the admin. */
  api: APIRequestContext;
  /** `npm run console -- ...` on the shared database; returns its output. */
  consoleCommand(...args: string[]): string;
  /** One query on the shared database, for what the API does not show (who holds a lease, who runs an agent). */
  query<Row extends pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<Row[]>;
  /** Starts an instance again (after a kill or a stop), with fresh logs. */
  restart(instance: ClusterInstance): Promise<void>;
  /** Stops everything and drops the database. */
  stop(): Promise<void>;
}

/** The environment every instance shares; budgets high enough that the specs never meet them. */
const BASE_ENV = {
  NODE_ENV: "production",
  LOG_LEVEL: "info",
  NEXTAUTH_SECRET: "e2e-cluster-secret-e2e-cluster-secret",
  BLUEPRINTS_DIR: "data/e2e-cluster-blueprints",
  ...HIGH_BUDGETS,
};

export async function startConsoleCluster(options: ConsoleClusterOptions): Promise<ConsoleCluster> {
  const databaseUrl = await createTestDatabase("t_cluster");
  const env: Record<string, string> = { ...BASE_ENV, ...options.env, DATABASE_URL: databaseUrl };
  const consoleCommand = (...args: string[]) =>
    execFileSync("npm", ["run", "--silent", "console", "--", ...args], { encoding: "utf8", env: { ...process.env, ...env } }).trim();
  execFileSync("npm", ["run", "--silent", "db:prepare"], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, ...env } });
  consoleCommand("user", "create", "--email", CLUSTER_ADMIN.email, "--password", CLUSTER_ADMIN.password, "--role", "admin");
  const adminToken = consoleCommand("token", "create", "--email", CLUSTER_ADMIN.email, "--name", "cluster e2e");
  const headers = bearer(adminToken);

  const instances: ClusterInstance[] = [];
  for (let index = 0; index < (options.instances ?? 2); index++) {
    const logs: string[] = [];
    const server = new ConsoleInstance({
      port: options.port + 1 + index,
      env,
      onLine: (line) => {
        instance.logs.push(line);
        if (/"level":(40|50|60)/.test(line)) console.error(`[instance ${index + 1}] ${line}`);
      },
    });
    const instance: ClusterInstance = { server, logs, api: await request.newContext({ baseURL: server.url, extraHTTPHeaders: headers }) };
    instances.push(instance);
  }
  await Promise.all(instances.map((instance) => instance.server.start()));
  const proxy = await startRoundRobinProxy({ targets: instances.map((instance) => instance.server.url), port: options.port });
  const api = await request.newContext({ baseURL: proxy.url, extraHTTPHeaders: headers });
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });

  return {
    databaseUrl,
    instances,
    proxy,
    adminToken,
    api,
    consoleCommand,
    query: async <Row extends pg.QueryResultRow>(sql: string, values: unknown[] = []) => (await pool.query<Row>(sql, values)).rows,
    async restart(instance) {
      instance.logs = [];
      await instance.server.start();
    },
    async stop() {
      await Promise.allSettled([proxy.close(), ...instances.map((instance) => instance.server.stop())]);
      await Promise.allSettled([api.dispose(), ...instances.map((instance) => instance.api.dispose()), pool.end()]);
      await dropTestDatabase(databaseUrl);
      rmSync(BASE_ENV.BLUEPRINTS_DIR, { recursive: true, force: true });
    },
  };
}

/** The agents an instance's local driver runs now, by state, from its own Prometheus exposition. */
export async function localAgentsOf(instance: ClusterInstance): Promise<{ running: number; hibernated: number }> {
  const text = await (await instance.api.get("/api/metrics")).text();
  const count = (state: string) =>
    Number(new RegExp(`^cluster_console_local_agents\\{state="${state}"\\} (\\d+)$`, "m").exec(text)?.[1] ?? NaN);
  return { running: count("running"), hibernated: count("hibernated") };
}

export interface AgentRow {
  agent_id: string;
  name: string;
  role: string;
  status: string;
}

/** Every agent of a cluster, through the API. */
export async function agentsOf(api: APIRequestContext, clusterId: string): Promise<AgentRow[]> {
  const agents: AgentRow[] = [];
  for (let page = 1; ; page++) {
    const body = (await (await api.get(`/api/clusters/${clusterId}/agents?page_size=100&page=${page}`)).json()) as {
      items: AgentRow[];
      total: number;
    };
    agents.push(...body.items);
    if (agents.length >= body.total || body.items.length === 0) return agents;
  }
}

/** The JSON log line of `message`, the latest an instance wrote since it started. */
export function logLine(instance: ClusterInstance, message: string): Record<string, unknown> | undefined {
  for (const line of [...instance.logs].reverse()) {
    if (!line.includes(message)) continue;
    try {
      return JSON.parse(line) as Record<string, unknown>;
    } catch {
      // Not a JSON line (a terminal would get readable ones; the specs' instances write JSON).
    }
  }
  return undefined;
}
