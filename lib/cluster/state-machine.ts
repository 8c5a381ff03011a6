// The one table of which action a cluster allows in which status; every action consults it.
import { ConflictError } from "@/lib/errors";

export const CLUSTER_STATUSES = ["spawning", "active", "scaling", "hibernated", "error", "deleting"] as const;
export type ClusterStatus = (typeof CLUSTER_STATUSES)[number];

export type ClusterAction = "scale" | "hibernate" | "reactivate" | "update" | "delete";

const ALLOWED: Record<ClusterStatus, readonly ClusterAction[]> = {
  spawning: [],
  active: ["scale", "hibernate", "update", "delete"],
  scaling: [],
  hibernated: ["reactivate", "update", "delete"],
  error: ["update", "delete"],
  deleting: [],
};

export function assertActionAllowed(status: ClusterStatus, action: ClusterAction): void {
  if (ALLOWED[status].includes(action)) return;
  const allowed = ALLOWED[status];
  throw new ConflictError(
    `cannot ${action} a cluster that is ${status}; ` + (allowed.length > 0 ? `allowed now: ${allowed.join(", ")}` : "no action is allowed until it settles"),
  );
}
