// Request budgets (rate-limiter-flexible): reads, mutations and metrics ingestion per token or
// user, and one budget per address for anonymous calls, counted where lib/rate-limit-store.ts says
// (shared by every instance on Redis or PostgreSQL, which each instance takes points from in blocks:
// lib/rate-limit-blocks.ts). Every answer carries the RateLimit-* headers; a refused one is a 429
// with Retry-After.
import { RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { TooManyRequestsError } from "@/lib/errors";
import { type PointSpender, spendInBlocks } from "@/lib/rate-limit-blocks";
import { rateLimitHeaders, refusalHeaders } from "@/lib/rate-limit-headers";
import { createLimiter, type LimiterStore, limiterStore } from "@/lib/rate-limit-store";

export type Budget = "read" | "mutation" | "ingest" | "anonymous";

/** The four budgets in `store`, per minute as the environment sets them. */
function createBudgetLimiters(store: LimiterStore): Record<Budget, PointSpender> {
  const perMinute = (keyPrefix: Budget, points: number) => {
    const limiter = createLimiter(store, { keyPrefix, points, duration: 60 });
    // Memory is as fast as a block in memory would be; a shared store is a round trip per request.
    return store.kind === "memory" ? limiter : spendInBlocks(limiter);
  };
  return {
    read: perMinute("read", env.RATE_LIMIT_READS_PER_MINUTE),
    mutation: perMinute("mutation", env.RATE_LIMIT_MUTATIONS_PER_MINUTE),
    ingest: perMinute("ingest", env.RATE_LIMIT_INGEST_PER_MINUTE),
    anonymous: perMinute("anonymous", env.RATE_LIMIT_ANONYMOUS_PER_MINUTE),
  };
}

// Made at the first request, on the process's store (not while Next.js builds).
let limiters: Record<Budget, PointSpender> | undefined;

/** Takes one request from the budget; the headers describe what is left. Throws TooManyRequestsError when it is spent. */
export async function consumeBudget(budget: Budget, key: string): Promise<Record<string, string>> {
  const limiter = (limiters ??= createBudgetLimiters(limiterStore()))[budget];
  try {
    return rateLimitHeaders(limiter.points, await limiter.consume(key));
  } catch (refusal) {
    if (!(refusal instanceof RateLimiterRes)) throw refusal;
    const headers = refusalHeaders(limiter.points, refusal);
    throw new TooManyRequestsError(`too many requests; retry in ${headers["retry-after"]} s`, headers);
  }
}
