// Request budgets (rate-limiter-flexible, in memory for one instance): reads, mutations and
// metrics ingestion per token or user, and one budget per address for anonymous calls. Every answer carries the
// RateLimit-* headers; a refused one is a 429 with Retry-After.
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";

export type Budget = "read" | "mutation" | "ingest" | "anonymous";

const limiters: Record<Budget, RateLimiterMemory> = {
  read: new RateLimiterMemory({ keyPrefix: "read", points: env.RATE_LIMIT_READS_PER_MINUTE, duration: 60 }),
  mutation: new RateLimiterMemory({ keyPrefix: "mutation", points: env.RATE_LIMIT_MUTATIONS_PER_MINUTE, duration: 60 }),
  ingest: new RateLimiterMemory({ keyPrefix: "ingest", points: env.RATE_LIMIT_INGEST_PER_MINUTE, duration: 60 }),
  anonymous: new RateLimiterMemory({ keyPrefix: "anonymous", points: env.RATE_LIMIT_ANONYMOUS_PER_MINUTE, duration: 60 }),
};

export class RateLimitedError extends Error {
  constructor(readonly headers: Record<string, string>) {
    super(`too many requests; retry in ${headers["retry-after"]} s`);
    this.name = "RateLimitedError";
  }
}

/** Takes one request from the budget; the headers describe what is left. Throws RateLimitedError when it is spent. */
export async function consumeBudget(budget: Budget, key: string): Promise<Record<string, string>> {
  const limiter = limiters[budget];
  try {
    return rateLimitHeaders(limiter.points, await limiter.consume(key));
  } catch (refusal) {
    if (!(refusal instanceof RateLimiterRes)) throw refusal;
    throw new RateLimitedError(refusalHeaders(limiter.points, refusal));
  }
}

/** The headers of a refused request: what is left, and Retry-After for when the budget returns. */
export function refusalHeaders(limit: number, state: RateLimiterRes): Record<string, string> {
  const headers = rateLimitHeaders(limit, state);
  return { ...headers, "retry-after": headers["ratelimit-reset"]! };
}

function rateLimitHeaders(limit: number, state: RateLimiterRes): Record<string, string> {
  return {
    "ratelimit-limit": String(limit),
    "ratelimit-remaining": String(Math.max(0, state.remainingPoints)),
    "ratelimit-reset": String(Math.max(1, Math.ceil(state.msBeforeNext / 1000))),
  };
}
