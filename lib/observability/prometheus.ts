// The console's own metrics for Prometheus (prom-client): HTTP requests and latencies, autoscaler
// decisions and ticks here; clusters and agents by status are counted from the database at scrape
// time (scrape.ts). prom-client is kept out of the bundles (next.config.mjs), so the routes and the
// autoscaler, which runs from the instrumentation bundle, share its one registry; each metric is
// looked up before it is made because both bundles evaluate this module.
import { collectDefaultMetrics, Counter, Gauge, type Histogram as HistogramType, Histogram, register } from "prom-client";
import type { DecisionAction } from "@/lib/autoscaler/decide";

function counter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> {
  return (register.getSingleMetric(name) as Counter<L> | undefined) ?? new Counter({ name, help, labelNames });
}

function histogram<L extends string>(name: string, help: string, labelNames: readonly L[], buckets: number[]): HistogramType<L> {
  return (register.getSingleMetric(name) as HistogramType<L> | undefined) ?? new Histogram({ name, help, labelNames, buckets });
}

function gauge<L extends string>(name: string, help: string, labelNames: readonly L[]): Gauge<L> {
  return (register.getSingleMetric(name) as Gauge<L> | undefined) ?? new Gauge({ name, help, labelNames });
}

// The process's own figures (CPU, memory, event loop lag), registered once per process.
if (!register.getSingleMetric("cluster_console_process_cpu_seconds_total")) collectDefaultMetrics({ prefix: "cluster_console_" });

export const httpRequests = counter("cluster_console_http_requests_total", "API requests answered, by method, route and status.", ["method", "route", "status"]);
export const httpDuration = histogram("cluster_console_http_request_duration_seconds", "API request latency, by method and route.", ["method", "route"], [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]);
export const autoscalerDecisions = counter("cluster_console_autoscaler_decisions_total", "Autoscaler evaluations, by the action decided.", ["action"]);
export const autoscalerTickDuration = histogram("cluster_console_autoscaler_tick_duration_seconds", "Time one autoscaler tick took.", [], [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]);

export const clustersByStatus = gauge("cluster_console_clusters", "Clusters, by status.", ["status"]);
export const agentsByStatus = gauge("cluster_console_agents", "Agents, by status and role.", ["status", "role"]);

export function countDecision(action: DecisionAction): void {
  autoscalerDecisions.inc({ action });
}

/** Collections whose next path segment is an id; the label keeps the pattern, never the id. */
const COLLECTIONS = new Set(["clusters", "blueprints", "agents", "revisions", "users", "tokens"]);
/** Fixed segments that sit where an id could. */
const FIXED = new Set(["validate", "worker-history"]);
/** The top-level API folders (a test keeps this equal to app/api); anything else is one label. */
const ROOTS = new Set(["audit", "auth", "blueprints", "clusters", "events", "me", "metrics", "openapi.json", "setup", "tokens", "users"]);

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
