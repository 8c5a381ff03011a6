// What every executor call obeys beyond its blueprint (server only): the answer's size cap, the
// optional allow-list of hosts, and the guarded connection pool.
import type { Dispatcher } from "undici";
import { env } from "@/lib/env";
import { createGuardedDispatcher } from "./guarded-dispatcher";

export interface ExecutorSettings {
  /** The largest answer body, in bytes (EXECUTOR_MAX_RESPONSE_BYTES). */
  maxResponseBytes: number;
  /** When set, the only hosts (`host` or `host:port`, lower case) executors may call (EXECUTOR_ALLOWED_HOSTS). */
  allowedHosts: readonly string[] | undefined;
  dispatcher: Dispatcher;
}

let settingsFromEnv: ExecutorSettings | undefined;

/** The settings of this server, from its environment; one pool for all executors. */
export function executorSettingsFromEnv(): ExecutorSettings {
  settingsFromEnv ??= {
    maxResponseBytes: env.EXECUTOR_MAX_RESPONSE_BYTES,
    allowedHosts: env.EXECUTOR_ALLOWED_HOSTS,
    dispatcher: createGuardedDispatcher(),
  };
  return settingsFromEnv;
}

const DEFAULT_PORTS: Record<string, string> = { "http:": "80", "https:": "443" };

/** Whether the allow-list lets a URL's host be called: by name on any port, or by name and port. */
export function isHostAllowed(url: URL, allowedHosts: readonly string[] | undefined): boolean {
  if (allowedHosts === undefined) return true;
  const hostname = url.hostname.toLowerCase();
  const port = url.port || DEFAULT_PORTS[url.protocol] || "";
  return allowedHosts.some((entry) => entry === hostname || entry === `${hostname}:${port}`);
}
