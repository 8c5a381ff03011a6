// The options the cluster actions share: who asks, the revision they saw, the runtime that runs the
// agents, and why.
import type { AuditContext } from "@/lib/audit/audit-context";
import type { AgentRuntime } from "@/lib/runtime/agent-runtime";

/** Every change of a cluster: the audit line goes into the change's own transaction. */
export interface ClusterChangeOptions {
  audit: AuditContext;
  /** The revision from `If-Match`; without it the change applies to whatever revision is current. */
  ifMatch?: number;
}

/** Actions that start, stop or put agents to sleep. */
export interface ClusterActionOptions extends ClusterChangeOptions {
  runtime: AgentRuntime;
  /** Why, for the activity timeline; the autoscaler gives its decision's reason. */
  reason?: string;
}
