// The console's own metrics for Prometheus (prom-client): HTTP requests and latencies, autoscaler
// decisions and ticks here; clusters and agents by status are counted from the database at scrape
// time (scrape.ts). prom-client is kept out of the bundles (next.config.mjs), so the routes and the
// autoscaler, which runs from the instrumentation bundle, share its one registry; each metric is
// looked up before it is made because both bundles evaluate this module.
import { collectDefaultMetrics, Counter, Gauge, Histogram, type Metric, register } from "prom-client";
import type { DecisionAction } from "@/lib/autoscaler/decide";

/** The metric registered under `name`, made by `make` only if this process has none yet. */
function registered<M extends Metric>(name: string, make: (name: string) => M): M {
  return (register.getSingleMetric(name) as M | undefined) ?? make(name);
}

// The process's own figures (CPU, memory, event loop lag), registered once per process.
if (!register.getSingleMetric("cluster_console_process_cpu_seconds_total")) collectDefaultMetrics({ prefix: "cluster_console_" });

export const httpRequests = registered(
  "cluster_console_http_requests_total",
  (name) => new Counter({ name, help: "API requests answered, by method, route and status.", labelNames: ["method", "route", "status"] }),
);
export const httpDuration = registered(
  "cluster_console_http_request_duration_seconds",
  (name) =>
    new Histogram({
      name,
      help: "API request latency, by method and route.",
      labelNames: ["method", "route"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    }),
);
export const autoscalerDecisions = registered(
  "cluster_console_autoscaler_decisions_total",
  (name) => new Counter({ name, help: "Autoscaler evaluations, by the action decided.", labelNames: ["action"] }),
);
export const autoscalerTickDuration = registered(
  "cluster_console_autoscaler_tick_duration_seconds",
  (name) => new Histogram({ name, help: "Time one autoscaler tick took.", buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] }),
);

export const clustersByStatus = registered(
  "cluster_console_clusters",
  (name) => new Gauge({ name, help: "Clusters, by status.", labelNames: ["status"] }),
);
export const agentsByStatus = registered(
  "cluster_console_agents",
  (name) => new Gauge({ name, help: "Agents, by status and role.", labelNames: ["status", "role"] }),
);

export const localAgentsByState = registered(
  "cluster_console_local_agents",
  (name) =>
    new Gauge({
      name,
      help: "Agents the local driver runs in this instance (each instance reports its own), by state: running or hibernated.",
      labelNames: ["state"],
    }),
);

export function countDecision(action: DecisionAction): void {
  autoscalerDecisions.inc({ action });
}

/** Collections whose next path segment is an id; the label keeps the pattern, never the id. */
const COLLECTIONS = new Set(["clusters", "blueprints", "agents", "revisions", "users", "tokens", "tasks"]);
/** Fixed segments that sit where an id could. */
const FIXED = new Set(["validate", "worker-history"]);
/** The top-level API folders (a test keeps this equal to app/api); anything else is one label. */
const ROOTS = new Set([
  "audit",
  "auth",
  "blueprints",
  "clusters",
  "events",
  "health",
  "me",
  "metrics",
  "openapi.json",
  "setup",
  "tasks",
  "tokens",
  "users",
]);

/** `/api/clusters/cluster-1f2e/scale` -> `/api/clusters/{id}/scale`: a bounded set of route labels. */
export function routeLabel(pathname: string): string {
  const segments = pathname.split("/").filter(Boolean);
  if (segments[0] !== "api" || !ROOTS.has(segments[1] ?? "")) return "/api/{unknown}";
  if (segments[1] === "auth") return "/api/auth";
  return `/${segments.map((segment, index) => (index > 1 && COLLECTIONS.has(segments[index - 1]!) && !FIXED.has(segment) ? "{id}" : segment)).join("/")}`;
}

export function observeRequest(method: string, pathname: string, status: number, seconds: number): void {
  const route = routeLabel(pathname);
  httpRequests.inc({ method, route, status: String(status) });
  httpDuration.observe({ method, route }, seconds);
}
