// Brute-force protection for sign-in: SIGNIN_MAX_FAILURES wrong passwords for one email lock it
// for SIGNIN_LOCKOUT_SECONDS; ten times as many from one address lock that address. Counted where
// lib/rate-limit-store.ts says, so on Redis or PostgreSQL a lockout holds on every instance.
import { type RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { refusalHeaders } from "@/lib/rate-limit-headers";
import { createLimiter, type LimiterStore, limiterStore } from "@/lib/rate-limit-store";

export interface Lockout {
  retryAfterSeconds: number;
  headers: Record<string, string>;
}

export interface SignInGuard {
  /** The lockout in force for this email or address, if any; looking does not count as an attempt. */
  currentLockout(email: string, ip: string | null): Promise<Lockout | null>;
  /** Counts a failed attempt; true when this failure starts a lockout. */
  recordSignInFailure(email: string, ip: string | null): Promise<boolean>;
  clearSignInFailures(email: string): Promise<void>;
}

/** A guard counting in `store`; `keyPrefix` keeps guards on one store apart (tests). */
export function createSignInGuard(store: LimiterStore, keyPrefix = "signin"): SignInGuard {
  const lockout = { duration: env.SIGNIN_LOCKOUT_SECONDS, blockDuration: env.SIGNIN_LOCKOUT_SECONDS };
  const byEmail = createLimiter(store, { keyPrefix: `${keyPrefix}-email`, points: env.SIGNIN_MAX_FAILURES, ...lockout });
  const byAddress = createLimiter(store, { keyPrefix: `${keyPrefix}-ip`, points: env.SIGNIN_MAX_FAILURES * 10, ...lockout });
  return {
    async currentLockout(email, ip) {
      const checks = await Promise.all([lockoutOf(byEmail, email.toLowerCase()), ip ? lockoutOf(byAddress, ip) : null]);
      const active = checks.filter((check) => check !== null);
      if (active.length === 0) return null;
      return active.reduce((a, b) => (a.retryAfterSeconds >= b.retryAfterSeconds ? a : b));
    },
    async recordSignInFailure(email, ip) {
      const outcomes = await Promise.all([consumeQuietly(byEmail, email.toLowerCase()), ip ? consumeQuietly(byAddress, ip) : false]);
      return outcomes.some(Boolean);
    },
    async clearSignInFailures(email) {
      await byEmail.delete(email.toLowerCase());
    },
  };
}

async function lockoutOf(limiter: RateLimiterAbstract, key: string): Promise<Lockout | null> {
  const state = await limiter.get(key);
  if (!state || state.consumedPoints < limiter.points) return null;
  const headers = refusalHeaders(limiter.points, state);
  return { retryAfterSeconds: Number(headers["retry-after"]), headers };
}

/** True when this consumption used up the budget (so the key is now blocked). */
async function consumeQuietly(limiter: RateLimiterAbstract, key: string): Promise<boolean> {
  try {
    const state = await limiter.consume(key);
    if (state.remainingPoints === 0) {
      await limiter.block(key, limiter.blockDuration);
      return true;
    }
    return false;
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) return false;
    throw refusal;
  }
}

let processGuard: SignInGuard | undefined;

// The process's guard, on the process's store (opened at first use, not while Next.js builds).
const guard = (): SignInGuard => (processGuard ??= createSignInGuard(limiterStore()));

export const currentLockout: SignInGuard["currentLockout"] = (email, ip) => guard().currentLockout(email, ip);
export const recordSignInFailure: SignInGuard["recordSignInFailure"] = (email, ip) => guard().recordSignInFailure(email, ip);
export const clearSignInFailures: SignInGuard["clearSignInFailures"] = (email) => guard().clearSignInFailures(email);
