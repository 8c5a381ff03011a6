// This process's name among the console instances sharing a database: the health answer, logs and
// leases name it. Host and pid tell an operator where to look; the random part tells apart two
// processes that reuse a pid (pid 1 in every container).
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";

// Kept on globalThis: the instrumentation bundle and the route bundles each evaluate this module.
const globalForInstance = globalThis as unknown as { consoleInstanceId?: string };

/** A new name in that form: this process's own is `instanceId`. */
export function newInstanceId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

export const instanceId: string = (globalForInstance.consoleInstanceId ??= newInstanceId());
