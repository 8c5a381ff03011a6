// getCluster: one cluster's current view, for GET /api/clusters/{id}; served from the process's
// cache of views read within the last half second (cluster-view-cache.ts), NotFoundError if none.
import type { ClusterView } from "./api-schema";
import { clusterViewCache } from "./cluster-view-cache";
import { findClusterOrThrow } from "./find-cluster-or-throw";
import { viewCluster } from "./view-cluster";

export function getCluster(id: string): Promise<ClusterView> {
  return clusterViewCache().get(id, async () => ({ value: await viewCluster(await findClusterOrThrow(id)) }));
}
