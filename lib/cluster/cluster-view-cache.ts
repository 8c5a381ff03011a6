// Cluster views read a moment ago: GET /api/clusters/{id} answers from memory for at most half a
// second instead of reading the cluster, its blueprint's revision and its task counts every time,
// and callers asking at once for a view nobody holds share one read.
//
// A change must still show at once where it was made: every change this process records in the
// change feed forgets its cluster after the commit (change-feed.ts), as a new blueprint revision
// forgets every view. Changes made by other instances or processes are forgotten when the
// change-feed reader reads them, before any open stream hears of them, so a tab that refetches on
// an event gets the new view. The short lifetime bounds the rest: another instance's change while no
// stream is open here, a lost notice, a process writing on SQLite beside the server.
import { LRUCache } from "lru-cache";
import type { ClusterView } from "./api-schema";

/** How long after its read began a view may be served: the bound on how late another's change shows. */
export const CLUSTER_VIEW_TTL_MS = 500;
/** More clusters than a console shows in the lifetime; the least recently read go first. */
const MAX_VIEWS = 10_000;

export class ClusterViewCache<V extends object> {
  private readonly views: LRUCache<string, V>;
  /** Reads under way, joined by callers that ask meanwhile. */
  private readonly reading = new Map<string, Promise<V>>();
  // Bumped by every `forget`: a read that began before a change must not keep what it read.
  private generation = 0;

  constructor(private readonly options: { max: number; ttlMs: number }) {
    this.views = new LRUCache<string, V>({ max: options.max, ttl: options.ttlMs });
  }

  get size(): number {
    return this.views.size;
  }

  /** The view of cluster `id`, or what `read` finds (and its failure, which is never kept). */
  get(id: string, read: () => Promise<V>): Promise<V> {
    const view = this.views.get(id);
    if (view) return Promise.resolve(view);
    const underway = this.reading.get(id);
    if (underway) return underway;
    const generation = this.generation;
    const startedAt = performance.now();
    const reading = read()
      .then((fresh) => {
        // The lifetime counts from the read's start: what it found may have changed since.
        const ttl = this.options.ttlMs - (performance.now() - startedAt);
        if (generation === this.generation && ttl > 0) this.views.set(id, fresh, { ttl });
        return fresh;
      })
      .finally(() => {
        if (this.reading.get(id) === reading) this.reading.delete(id);
      });
    this.reading.set(id, reading);
    return reading;
  }

  /** Forgets the views of `ids` (every view without them), and lets no read under way keep its result. */
  forget(ids?: Iterable<string>): void {
    this.generation++;
    if (ids === undefined) {
      this.views.clear();
      this.reading.clear();
      return;
    }
    for (const id of ids) {
      this.views.delete(id);
      // A caller asking from now on must not join a read that may have begun before the change.
      this.reading.delete(id);
    }
  }
}

// One cache per process: the route bundles Next.js loads each evaluate this module, and a change
// made through one route must reach the reads of all.
const globalForViews = globalThis as unknown as { clusterViewCache?: ClusterViewCache<ClusterView> };

export function clusterViewCache(): ClusterViewCache<ClusterView> {
  return (globalForViews.clusterViewCache ??= new ClusterViewCache<ClusterView>({ max: MAX_VIEWS, ttlMs: CLUSTER_VIEW_TTL_MS }));
}

/** Forgets the cached views of `clusterIds` in this process (every view without them). Call after the commit. */
export function forgetClusterViews(clusterIds?: Iterable<string>): void {
  clusterViewCache().forget(clusterIds);
}
