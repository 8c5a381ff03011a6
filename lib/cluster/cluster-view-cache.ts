// Cluster views read a moment ago: GET /api/clusters/{id} answers from memory for at most half a
// second instead of reading the cluster, its blueprint's revision and its task counts every time,
// and callers asking at once for a view nobody holds share one read (lib/short-lived-cache.ts).
//
// A change must still show at once where it was made: every change this process records in the
// change feed forgets its cluster after the commit (change-feed.ts), as a new blueprint revision
// forgets every view. Changes made by other instances or processes are forgotten when the
// change-feed reader reads them, before any open stream hears of them, so a tab that refetches on
// an event gets the new view. The short lifetime bounds the rest: another instance's change while no
// stream is open here, a lost notice, a process writing on SQLite beside the server.
import { ShortLivedCache } from "@/lib/short-lived-cache";
import type { ClusterView } from "./api-schema";

/** How long after its read began a view may be served: the bound on how late another's change shows. */
export const CLUSTER_VIEW_TTL_MS = 500;
/** More clusters than a console shows in the lifetime; the least recently read go first. */
const MAX_VIEWS = 10_000;

// One cache per process: the route bundles Next.js loads each evaluate this module, and a change
// made through one route must reach the reads of all.
const globalForViews = globalThis as unknown as { clusterViewCache?: ShortLivedCache<ClusterView> };

export function clusterViewCache(): ShortLivedCache<ClusterView> {
  return (globalForViews.clusterViewCache ??= new ShortLivedCache<ClusterView>({ max: MAX_VIEWS, ttlMs: CLUSTER_VIEW_TTL_MS }));
}

/** Forgets the cached views of `clusterIds` in this process (every view without them). Call after the commit. */
export function forgetClusterViews(clusterIds?: Iterable<string>): void {
  clusterViewCache().forget(clusterIds);
}
