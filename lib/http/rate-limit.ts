// Request budgets (rate-limiter-flexible, in memory for one instance): reads, mutations and
// metrics ingestion per token or user, and one budget per address for anonymous calls. Every answer carries the
// RateLimit-* headers; a refused one is a 429 with Retry-After.
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { TooManyRequestsError } from "@/lib/errors";
import { rateLimitHeaders, refusalHeaders } from "@/lib/rate-limit-headers";

export type Budget = "read" | "mutation" | "ingest" | "anonymous";

const limiters: Record<Budget, RateLimiterMemory> = {
  read: new RateLimiterMemory({ keyPrefix: "read", points: env.RATE_LIMIT_READS_PER_MINUTE, duration: 60 }),
  mutation: new RateLimiterMemory({ keyPrefix: "mutation", points: env.RATE_LIMIT_MUTATIONS_PER_MINUTE, duration: 60 }),
  ingest: new RateLimiterMemory({ keyPrefix: "ingest", points: env.RATE_LIMIT_INGEST_PER_MINUTE, duration: 60 }),
  anonymous: new RateLimiterMemory({ keyPrefix: "anonymous", points: env.RATE_LIMIT_ANONYMOUS_PER_MINUTE, duration: 60 }),
};

/** Takes one request from the budget; the headers describe what is left. Throws TooManyRequestsError when it is spent. */
export async function consumeBudget(budget: Budget, key: string): Promise<Record<string, string>> {
  const limiter = limiters[budget];
  try {
    return rateLimitHeaders(limiter.points, await limiter.consume(key));
  } catch (refusal) {
    if (!(refusal instanceof RateLimiterRes)) throw refusal;
    const headers = refusalHeaders(limiter.points, refusal);
    throw new TooManyRequestsError(`too many requests; retry in ${headers["retry-after"]} s`, headers);
  }
}
