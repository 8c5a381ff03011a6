// Who called a moment ago: resolved principals kept for at most half a second, so a busy script's
// requests do not each read its token and user. Changes to tokens and users must still take
// effect at once: the services that make them call `forgetPrincipals` after their commit and
// notify the other instances in their transaction (`principals_changed`), whose listener forgets
// too, as it does when its LISTEN connection comes back. The short lifetime is the guarantee when a
// notice is lost anyway, or a change was made by another process on SQLite (the CLI).
import { LRUCache } from "lru-cache";
import { listenToInstances, onInstanceSignalsReconnect } from "@/lib/db/instance-signals";
import type { Principal } from "./principal";

/** How long a resolved principal is believed: the bound on how late a missed change takes effect. */
export const PRINCIPAL_TTL_MS = 500;
/** Enough for every token and session of a large console within the lifetime; older ones go first. */
const MAX_PRINCIPALS = 10_000;

export class PrincipalCache<P extends object> {
  private readonly entries: LRUCache<string, P>;
  // Bumped by every `clear`: a lookup that began before a change must not store what it read then.
  private generation = 0;

  constructor(options: { max: number; ttlMs: number }) {
    this.entries = new LRUCache<string, P>({ max: options.max, ttl: options.ttlMs });
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The principal under `key`, or what `resolve` finds (kept unless `clear` ran meanwhile).
   * `until` ends an entry sooner (a token's expiry). Whatever `resolve` throws is never kept.
   */
  async get(key: string, resolve: () => Promise<{ principal: P; until?: Date | null }>): Promise<P> {
    const cached = this.entries.get(key);
    if (cached) return cached;
    const generation = this.generation;
    const { principal, until } = await resolve();
    const ttl = until ? Math.min(this.entries.ttl, until.getTime() - Date.now()) : this.entries.ttl;
    if (generation === this.generation && ttl > 0) this.entries.set(key, principal, { ttl });
    return principal;
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}

// One cache per process: the route bundles Next.js loads each evaluate this module, and a change
// served by one route must reach the lookups of all.
const globalForPrincipals = globalThis as unknown as { principalCache?: PrincipalCache<Principal> };

/** The process's cache of resolved principals, which notices from other instances clear. */
export function principalCache(): PrincipalCache<Principal> {
  if (!globalForPrincipals.principalCache) {
    const cache = new PrincipalCache<Principal>({ max: MAX_PRINCIPALS, ttlMs: PRINCIPAL_TTL_MS });
    globalForPrincipals.principalCache = cache;
    listenToInstances("principals_changed", () => cache.clear());
    // Notices sent while the LISTEN connection was down are lost: forget what they might have changed.
    onInstanceSignalsReconnect(() => cache.clear());
  }
  return globalForPrincipals.principalCache;
}

/** Forgets every resolved principal in this process: call after committing a change to a token or user. */
export function forgetPrincipals(): void {
  principalCache().clear();
}
