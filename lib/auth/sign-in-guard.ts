// Brute-force protection for sign-in: SIGNIN_MAX_FAILURES wrong passwords for one email lock it
// for SIGNIN_LOCKOUT_SECONDS; ten times as many from one address lock that address.
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { refusalHeaders } from "@/lib/rate-limit-headers";

const byEmail = new RateLimiterMemory({
  keyPrefix: "signin-email",
  points: env.SIGNIN_MAX_FAILURES,
  duration: env.SIGNIN_LOCKOUT_SECONDS,
  blockDuration: env.SIGNIN_LOCKOUT_SECONDS,
});
const byAddress = new RateLimiterMemory({
  keyPrefix: "signin-ip",
  points: env.SIGNIN_MAX_FAILURES * 10,
  duration: env.SIGNIN_LOCKOUT_SECONDS,
  blockDuration: env.SIGNIN_LOCKOUT_SECONDS,
});

export interface Lockout {
  retryAfterSeconds: number;
  headers: Record<string, string>;
}

/** The lockout in force for this email or address, if any; looking does not count as an attempt. */
export async function currentLockout(email: string, ip: string | null): Promise<Lockout | null> {
  const checks = await Promise.all([lockoutOf(byEmail, email.toLowerCase()), ip ? lockoutOf(byAddress, ip) : null]);
  const active = checks.filter((check) => check !== null);
  if (active.length === 0) return null;
  return active.reduce((a, b) => (a.retryAfterSeconds >= b.retryAfterSeconds ? a : b));
}

async function lockoutOf(limiter: RateLimiterMemory, key: string): Promise<Lockout | null> {
  const state = await limiter.get(key);
  if (!state || state.consumedPoints < limiter.points) return null;
  const headers = refusalHeaders(limiter.points, state);
  return { retryAfterSeconds: Number(headers["retry-after"]), headers };
}

/** Counts a failed attempt; true when this failure starts a lockout. */
export async function recordSignInFailure(email: string, ip: string | null): Promise<boolean> {
  const outcomes = await Promise.all([consumeQuietly(byEmail, email.toLowerCase()), ip ? consumeQuietly(byAddress, ip) : false]);
  return outcomes.some(Boolean);
}

export async function clearSignInFailures(email: string): Promise<void> {
  await byEmail.delete(email.toLowerCase());
}

/** True when this consumption used up the budget (so the key is now blocked). */
async function consumeQuietly(limiter: RateLimiterMemory, key: string): Promise<boolean> {
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
