// The RateLimit-* headers of a rate limiter's state (IETF draft names), shared by the request
// budgets and the sign-in lockout; a refusal adds Retry-After.
import type { RateLimiterRes } from "rate-limiter-flexible";

export function rateLimitHeaders(limit: number, state: RateLimiterRes): Record<string, string> {
  return {
    "ratelimit-limit": String(limit),
    "ratelimit-remaining": String(Math.max(0, state.remainingPoints)),
    "ratelimit-reset": String(Math.max(1, Math.ceil(state.msBeforeNext / 1000))),
  };
}

/** The headers of a refused request: what is left, and Retry-After for when the budget returns. */
export function refusalHeaders(limit: number, state: RateLimiterRes): Record<string, string> {
  const headers = rateLimitHeaders(limit, state);
  return { ...headers, "retry-after": headers["ratelimit-reset"]! };
}
