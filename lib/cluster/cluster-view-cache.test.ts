// The cluster view cache behind getCluster on a real database: a view is served from memory, every
// change made through this process shows on the next read, a read racing a commit keeps nothing
// old, and a change the reader brings from elsewhere is forgotten before any stream hears of it
// (the cache alone: lib/short-lived-cache.test.ts).
import { setTimeout as sleep } from "node:timers/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { importExampleBlueprints } from "@/lib/blueprint/import-example-blueprints";
import { updateBlueprint } from "@/lib/blueprint/update-blueprint";
import { findCurrentBlueprint } from "@/lib/blueprint/get-blueprint";
import { db } from "@/lib/db";
import { LocalAgentRuntime } from "@/lib/runtime/local-runtime";
import { submitTasks } from "@/lib/tasks/submit-tasks";
import { audit } from "@/lib/test/test-audit";
import type { ClusterView } from "./api-schema";
import { recordClusterChange } from "./change-feed";
import { ChangeFeedReader, type ChangeFeedSubscriber } from "./change-feed-reader";
import { CLUSTER_VIEW_TTL_MS, forgetClusterViews } from "./cluster-view-cache";
import { createCluster } from "./create-cluster";
import { getCluster } from "./get-cluster";
import { updateCluster } from "./update-cluster";

describe("getCluster with the cache", () => {
  const runtime = new LocalAgentRuntime();
  beforeAll(async () => {
    await importExampleBlueprints("blueprints");
  });
  const newCluster = (name: string) => createCluster({ blueprint_id: "marketing-v1", target_workers: 2, name }, { runtime, audit });

  /**
   * Reads the view (now in memory), makes `change`, and reads again while the first read's view
   * would still be served: the second must already show the change. A loaded machine may outlast
   * the lifetime in between, which proves nothing: then it tries again, a few times.
   */
  async function expectShownAtOnce(
    clusterId: string,
    change: (attempt: number) => Promise<unknown>,
    shows: (before: ClusterView, after: ClusterView, attempt: number) => void,
  ) {
    for (let attempt = 0; attempt < 5; attempt++) {
      forgetClusterViews();
      const readAt = performance.now();
      const before = await getCluster(clusterId);
      await change(attempt);
      const after = await getCluster(clusterId);
      if (performance.now() - readAt >= CLUSTER_VIEW_TTL_MS) continue;
      shows(before, after, attempt);
      return;
    }
    throw new Error("every attempt outlasted the cache's lifetime");
  }

  it("serves a view from memory within the lifetime, then reads the rows again", async () => {
    const cluster = await newCluster("Cached view");
    await expectShownAtOnce(
      cluster.id,
      // Behind the services' back, so nothing forgets the view: only the lifetime ends it.
      (attempt) => db.cluster.update({ where: { id: cluster.id }, data: { description: `behind its back ${attempt}` } }),
      (before, after) => expect(after).toBe(before),
    );
    await sleep(CLUSTER_VIEW_TTL_MS + 50);
    expect((await getCluster(cluster.id)).description).toMatch(/^behind its back/);
  });

  it("shows a change to the cluster, its tasks and its blueprint on the next read", async () => {
    const cluster = await newCluster("Changed views");
    await expectShownAtOnce(
      cluster.id,
      (attempt) => updateCluster(cluster.id, { description: `updated ${attempt}` }, { audit }),
      (before, after, attempt) => {
        expect(after.description).toBe(`updated ${attempt}`);
        expect(after.revision).toBe(before.revision + 1);
      },
    );
    await expectShownAtOnce(
      cluster.id,
      () => submitTasks(cluster.id, { input: "counted", priority: 0, timeout_s: 300, max_attempts: 3 }, { audit, runtime }),
      (before, after) => expect(after.tasks.queued + after.tasks.running).toBe(before.tasks.queued + before.tasks.running + 1),
    );
    await expectShownAtOnce(
      cluster.id,
      async () => {
        const { revision } = await findCurrentBlueprint("marketing-v1");
        await updateBlueprint("marketing-v1", { is_active: true }, { audit, ifMatch: revision });
      },
      (before, after) => expect(after.blueprint_latest_revision).toBe(before.blueprint_latest_revision + 1),
    );
  });

  it("keeps no view that a read found while a change was being committed", async () => {
    const cluster = await newCluster("Raced view");
    let commit: () => void = () => {};
    const held = new Promise<void>((resolve) => (commit = resolve));
    let recorded: () => void = () => {};
    const changeRecorded = new Promise<void>((resolve) => (recorded = resolve));
    const change = db.$transaction(async (tx) => {
      await tx.cluster.update({ where: { id: cluster.id }, data: { description: "committed" } });
      await recordClusterChange(tx, cluster.id);
      recorded();
      await held;
    });
    await changeRecorded;
    // On PostgreSQL this read sees the rows as they were and keeps them; on SQLite it waits for the commit.
    const racing = getCluster(cluster.id);
    await Promise.race([racing, sleep(200)]);
    commit();
    await change;
    await racing;
    expect((await getCluster(cluster.id)).description).toBe("committed");
  });

  it("forgets a change made elsewhere when the change-feed reader reads it, before any stream hears of it", async () => {
    const cluster = await newCluster("Changed elsewhere");
    const reader = new ChangeFeedReader({ backstopPollMs: 60_000 });
    try {
      for (let attempt = 0; attempt < 5; attempt++) {
        const heard: Array<Promise<ClusterView>> = [];
        const subscriber: ChangeFeedSubscriber = {
          clusterId: cluster.id,
          // What a tab does on the event: read the cluster again.
          receive: () => void heard.push(getCluster(cluster.id)),
          fail: () => {},
        };
        await reader.subscribe(subscriber);
        forgetClusterViews();
        const readAt = performance.now();
        await getCluster(cluster.id);
        // Another instance's change: rows written without this process's record functions.
        await db.cluster.update({ where: { id: cluster.id }, data: { description: `elsewhere ${attempt}` } });
        await db.clusterChange.create({ data: { clusterId: cluster.id } });
        reader.wake();
        await expect.poll(() => heard.length, { timeout: 5_000 }).toBeGreaterThan(0);
        const seen = await heard[0]!;
        reader.unsubscribe(subscriber);
        if (performance.now() - readAt >= CLUSTER_VIEW_TTL_MS) continue;
        expect(seen.description).toBe(`elsewhere ${attempt}`);
        return;
      }
      throw new Error("every attempt outlasted the cache's lifetime");
    } finally {
      reader.close();
    }
  });
});
