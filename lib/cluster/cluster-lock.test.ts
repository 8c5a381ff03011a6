// One action at a time per cluster, in this process and (on PostgreSQL) across instances, with
// bounded waits that end in a 409 the client may retry.
import { describe, expect, it } from "vitest";
import { acquireAdvisoryLock, advisoryLockKey } from "@/lib/db/advisory-lock";
import { isPostgres } from "@/lib/db/dialect";
import { PROBLEM_CODES } from "@/lib/shapes/problem";
import { ClusterBusyError, withClusterLock } from "./cluster-lock";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An action that holds the lock until `release` is called; resolves `entered` once it holds it. */
function heldAction() {
  let release!: () => void;
  let entered!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const inside = new Promise<void>((resolve) => (entered = resolve));
  return { release, inside, action: () => (entered(), released) };
}

describe("withClusterLock", () => {
  it("runs the actions on one cluster one after the other, and on different clusters side by side", async () => {
    const clusterId = crypto.randomUUID();
    const order: string[] = [];
    const first = heldAction();
    const running = withClusterLock(clusterId, async () => {
      await first.action();
      order.push("first");
    });
    await first.inside;
    const second = withClusterLock(clusterId, async () => void order.push("second"));
    await withClusterLock(crypto.randomUUID(), async () => void order.push("other cluster"));
    first.release();
    await Promise.all([running, second]);
    expect(order).toEqual(["other cluster", "first", "second"]);
  });

  it("refuses with a 409 and Retry-After once the wait runs out, and at once when asked not to wait", async () => {
    const clusterId = crypto.randomUUID();
    const holder = heldAction();
    const running = withClusterLock(clusterId, holder.action);
    await holder.inside;

    const started = Date.now();
    const refusal = await withClusterLock(clusterId, async () => "ran", { waitMs: 200 }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ClusterBusyError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(PROBLEM_CODES[(refusal as ClusterBusyError).code].status).toBe(409);
    expect((refusal as ClusterBusyError).headers).toEqual({ "retry-after": "1" });

    await expect(withClusterLock(clusterId, async () => "ran", { waitMs: 0 })).rejects.toBeInstanceOf(ClusterBusyError);
    holder.release();
    await running;
    expect(await withClusterLock(clusterId, async () => "ran", { waitMs: 0 })).toBe("ran");
  });

  it.runIf(isPostgres)("waits for another instance's action on the cluster (its advisory lock), and gives up after the wait", async () => {
    const clusterId = crypto.randomUUID();
    // Another console instance in the middle of an action holds the cluster's advisory lock.
    const otherInstance = (await acquireAdvisoryLock(advisoryLockKey("cluster", clusterId), 1_000))!;

    await expect(withClusterLock(clusterId, async () => "ran", { waitMs: 300 })).rejects.toBeInstanceOf(ClusterBusyError);
    await expect(withClusterLock(clusterId, async () => "ran", { waitMs: 0 })).rejects.toBeInstanceOf(ClusterBusyError);

    let ran = false;
    const waiting = withClusterLock(
      clusterId,
      async () => {
        ran = true;
      },
      { waitMs: 10_000 },
    );
    await sleep(300);
    expect(ran).toBe(false);
    await otherInstance.release();
    await waiting;
    expect(ran).toBe(true);

    // Held for the whole action: the other instance cannot take it meanwhile, and can once it ends.
    const holder = heldAction();
    const running = withClusterLock(clusterId, holder.action);
    await holder.inside;
    expect(await acquireAdvisoryLock(advisoryLockKey("cluster", clusterId), 0)).toBeNull();
    holder.release();
    await running;
    const after = await acquireAdvisoryLock(advisoryLockKey("cluster", clusterId), 0);
    expect(after).not.toBeNull();
    await after!.release();
  });
});
