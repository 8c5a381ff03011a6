// Values read a moment ago, kept for a short lifetime so that busy callers do not each read them
// again (who is calling, a cluster's view). What makes such a cache safe to put in front of rows
// that change:
// - the lifetime counts from the read's start, so nothing is served longer than that after it was
//   read, however slow the read;
// - callers asking while a read is under way share it, instead of a burst of callers each reading
//   at once when an entry ends;
// - `forget` (called after a change commits) lets no read under way keep what it found, and lets
//   no later caller join such a read: from then on, every caller sees the change.
// A failed read is never kept: each caller in a burst gets its failure, the next caller reads again.
import { LRUCache } from "lru-cache";

/** What a read found, and optionally when it stops being true (a token's expiry) if that comes before the lifetime. */
export interface Read<V> {
  value: V;
  until?: Date | null;
}

export class ShortLivedCache<V extends object> {
  private readonly entries: LRUCache<string, V>;
  private readonly reading = new Map<string, Promise<V>>();
  // Bumped by every `forget`: a read that began before a change must not keep what it read.
  private generation = 0;

  constructor(private readonly options: { max: number; ttlMs: number }) {
    this.entries = new LRUCache<string, V>({ max: options.max, ttl: options.ttlMs });
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value under `key`, or what `read` finds (kept unless `forget` ran meanwhile). */
  get(key: string, read: () => Promise<Read<V>>): Promise<V> {
    const kept = this.entries.get(key);
    if (kept) return Promise.resolve(kept);
    const underway = this.reading.get(key);
    if (underway) return underway;
    const generation = this.generation;
    const startedAt = Date.now();
    const reading = read()
      .then(({ value, until }) => {
        const ends = Math.min(startedAt + this.options.ttlMs, until ? until.getTime() : Number.POSITIVE_INFINITY);
        const ttl = ends - Date.now();
        if (generation === this.generation && ttl > 0) this.entries.set(key, value, { ttl });
        return value;
      })
      .finally(() => {
        if (this.reading.get(key) === reading) this.reading.delete(key);
      });
    this.reading.set(key, reading);
    return reading;
  }

  /** Forgets the values under `keys` (every value without them); no read under way keeps or shares its result. */
  forget(keys?: Iterable<string>): void {
    this.generation++;
    if (keys === undefined) {
      this.entries.clear();
      this.reading.clear();
      return;
    }
    for (const key of keys) {
      this.entries.delete(key);
      this.reading.delete(key);
    }
  }
}
