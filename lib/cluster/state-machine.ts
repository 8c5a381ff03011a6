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

/** Why `action` is refused in `status`, in the words the API answers with; null when it is allowed. */
export function actionRefusal(status: ClusterStatus, action: ClusterAction): string | null {
  const allowed = ALLOWED[status];
  if (allowed.includes(action)) return null;
  return (
    `cannot ${action} a cluster that is ${status}; ` +
    (allowed.length > 0 ? `allowed now: ${allowed.join(", ")}` : "no action is allowed until it settles")
  );
}

export function assertActionAllowed(status: ClusterStatus, action: ClusterAction): void {
  const refusal = actionRefusal(status, action);
  if (refusal !== null) throw new ConflictError(refusal);
}
