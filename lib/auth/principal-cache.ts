// Who called a moment ago: resolved principals kept for at most half a second, so a busy script's
// requests do not each read its token and user, and a burst of them shares one read
// (lib/short-lived-cache.ts). Changes to tokens and users must still take effect at once: the
// services that make them call `forgetPrincipals` after their commit and notify the other instances
// in their transaction (`principals_changed`), whose listener forgets too, as it does when its
// LISTEN connection comes back. The short lifetime is the guarantee when a notice is lost anyway,
// or a change was made by another process on SQLite (the CLI).
import { listenToInstances, onInstanceSignalsReconnect } from "@/lib/db/instance-signals";
import { ShortLivedCache } from "@/lib/short-lived-cache";
import type { Principal } from "./principal";

/** How long a resolved principal is believed: the bound on how late a missed change takes effect. */
export const PRINCIPAL_TTL_MS = 500;
/** Enough for every token and session of a large console within the lifetime; older ones go first. */
const MAX_PRINCIPALS = 10_000;

// One cache per process: the route bundles Next.js loads each evaluate this module, and a change
// served by one route must reach the lookups of all.
const globalForPrincipals = globalThis as unknown as { principalCache?: ShortLivedCache<Principal> };

/** The process's cache of resolved principals (keys `token:<hash>`, `user:<id>`), which notices from other instances clear. */
export function principalCache(): ShortLivedCache<Principal> {
  if (!globalForPrincipals.principalCache) {
    const cache = new ShortLivedCache<Principal>({ max: MAX_PRINCIPALS, ttlMs: PRINCIPAL_TTL_MS });
    globalForPrincipals.principalCache = cache;
    listenToInstances("principals_changed", () => cache.forget());
    // Notices sent while the LISTEN connection was down are lost: forget what they might have changed.
    onInstanceSignalsReconnect(() => cache.forget());
  }
  return globalForPrincipals.principalCache;
}

/** Forgets every resolved principal in this process: call after committing a change to a token or user. */
export function forgetPrincipals(): void {
  principalCache().forget();
}
