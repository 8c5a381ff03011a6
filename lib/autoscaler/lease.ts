// The autoscaler lease: one row naming the instance that may act and until when. Taking it is one
// conditional upsert, atomic on SQLite and PostgreSQL alike: it succeeds for the holder itself
// (renewal) or once the lease has expired (take-over), and changes nothing otherwise.
import { db } from "@/lib/db";

const LEASE_NAME = "autoscaler";

/** True when `holder` holds the lease until `now + ttlMs`. */
export async function acquireAutoscalerLease(holder: string, now: number, ttlMs: number): Promise<boolean> {
  const changed =
    await db.$executeRaw`INSERT INTO autoscaler_leases (name, holder, expires_at) VALUES (${LEASE_NAME}, ${holder}, ${now + ttlMs})
     ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
     WHERE autoscaler_leases.holder = excluded.holder OR autoscaler_leases.expires_at < ${now}`;
  return changed > 0;
}

/** When the current lease expires (epoch milliseconds); 0 when nobody holds one. */
export async function currentLeaseExpiry(): Promise<number> {
  return (await db.autoscalerLease.findUnique({ where: { name: LEASE_NAME } }))?.expiresAt ?? 0;
}

/** Gives the lease up at once (on shutdown), so another instance need not wait for it to expire. */
export async function releaseAutoscalerLease(holder: string): Promise<void> {
  await db.autoscalerLease.deleteMany({ where: { name: LEASE_NAME, holder } });
}
