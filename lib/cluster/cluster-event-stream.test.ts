import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importExampleBlueprints } from "@/lib/blueprint/import-example-blueprints";
import { db } from "@/lib/db";
import { LocalAgentRuntime } from "@/lib/runtime/local-runtime";
import { audit } from "@/lib/test/test-audit";
import { changesAfter, latestChangeId, pruneClusterChanges } from "./change-feed";
import { ChangeFeedReader } from "./change-feed-reader";
import { clusterEventStream, openingEvent } from "./cluster-event-stream";
import { createCluster } from "./create-cluster";
import { deleteCluster } from "./delete-cluster";
import { hibernateCluster } from "./hibernate-cluster";
import { scaleCluster } from "./scale-cluster";
import { eventsForChanges } from "./stream-events";
import { updateCluster } from "./update-cluster";
import { cancelTask } from "@/lib/tasks/cancel-task";
import { submitTasks } from "@/lib/tasks/submit-tasks";

beforeAll(async () => {
  await importExampleBlueprints("blueprints");
});

// The streams' reader, with a backstop poll slow enough that every live event below is owed to the in-process wake.
const reader = new ChangeFeedReader({ backstopPollMs: 60_000 });
afterAll(() => reader.close());

const request = { blueprint_id: "marketing-v1", name: "Streamed", target_workers: 3 };

/** Reads server-sent events from the stream until `done` says enough, then aborts it. */
async function readEvents(
  stream: ReadableStream<Uint8Array>,
  abort: AbortController,
  done: (events: Array<{ id: number; event: string; data: unknown }>) => boolean,
) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const events: Array<{ id: number; event: string; data: unknown }> = [];
  let buffer = "";
  const deadline = Date.now() + 10_000;
  while (!done(events) && Date.now() < deadline) {
    const { value, done: ended } = await reader.read();
    if (ended) break;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const field = (name: string) =>
        block
          .split("\n")
          .find((line) => line.startsWith(`${name}: `))
          ?.slice(name.length + 2);
      if (field("event")) events.push({ id: Number(field("id")), event: field("event")!, data: JSON.parse(field("data")!) });
    }
  }
  abort.abort();
  return events;
}

describe("the change feed", () => {
  it("records a change for every step a client must see, and a deletion", async () => {
    const runtime = new LocalAgentRuntime();
    const before = await latestChangeId();
    const cluster = await createCluster(request, { runtime, audit });
    await scaleCluster(cluster.id, 5, { runtime, audit });
    await updateCluster(cluster.id, { description: "changed" }, { audit });
    await hibernateCluster(cluster.id, { runtime, audit });
    await deleteCluster(cluster.id, { runtime, audit });
    const changes = await changesAfter(before, cluster.id);
    // created (spawning, settled), scaling (started, settled), update, hibernate, deleting, deleted
    expect(changes.length).toBe(8);
    expect(changes.at(-1)).toMatchObject({ clusterId: cluster.id, deleted: true });
    expect(changes.slice(0, -1).every((change) => !change.deleted)).toBe(true);
  });

  it("prunes rows older than an hour only", async () => {
    const kept = await latestChangeId();
    await db.clusterChange.create({ data: { clusterId: "old", createdAt: new Date(Date.now() - 2 * 60 * 60 * 1000) } });
    expect(await pruneClusterChanges()).toBe(1);
    expect(await latestChangeId()).toBeGreaterThanOrEqual(kept);
  });
});

describe("eventsForChanges and openingEvent", () => {
  it("sends one event per cluster with its newest change and view, and a deletion for a cluster that is gone", async () => {
    const runtime = new LocalAgentRuntime();
    const a = await createCluster({ ...request, name: "A" }, { runtime, audit });
    const b = await createCluster({ ...request, name: "B" }, { runtime, audit });
    const events = await eventsForChanges([
      { id: 1, clusterId: a.id, deleted: false, actor: null, taskId: null },
      { id: 2, clusterId: b.id, deleted: false, actor: null, taskId: null },
      { id: 3, clusterId: a.id, deleted: false, actor: null, taskId: null },
      { id: 4, clusterId: "gone", deleted: false, actor: null, taskId: null },
      { id: 5, clusterId: "removed", deleted: true, actor: "ops@example.com", taskId: null },
    ]);
    expect(events.map((event) => [event.event, event.id])).toEqual([
      ["cluster", 2],
      ["cluster", 3],
      ["cluster-deleted", 4],
      ["cluster-deleted", 5],
    ]);
    expect(events[1]!.data).toMatchObject({ id: a.id, name: "A", current_workers: 3, blueprint_revision: 1, blueprint_latest_revision: 1 });
    expect(events.slice(2).map((event) => event.data)).toEqual([
      { id: "gone", deleted_by: null },
      { id: "removed", deleted_by: "ops@example.com" },
    ]);
  });

  it("starts a new client at the reader's position, resumes a known id, and resets one that is too old or unknown", async () => {
    const latest = await latestChangeId();
    const position = latest - 1;
    expect(await openingEvent(undefined, position)).toEqual({ event: "ready", id: position, data: { resumed: false } });
    expect(await openingEvent(latest - 2, position)).toEqual({ event: "ready", id: latest - 2, data: { resumed: true } });
    // An id the reader has not reached yet but the feed holds (another instance sent it) resumes too.
    expect(await openingEvent(latest, position)).toEqual({ event: "ready", id: latest, data: { resumed: true } });
    expect(await openingEvent(latest + 10, position)).toMatchObject({ event: "reset", id: position });
    await db.clusterChange.deleteMany({ where: { id: { lte: 2 } } });
    expect(await openingEvent(0, position)).toMatchObject({ event: "reset", id: position });
  });
});

describe("clusterEventStream", () => {
  it("streams a scale made after it opened, with the settled worker count", async () => {
    const runtime = new LocalAgentRuntime();
    const cluster = await createCluster({ ...request, name: "Live" }, { runtime, audit });
    const abort = new AbortController();
    const stream = clusterEventStream({ clusterId: cluster.id, signal: abort.signal, reader });
    const reading = readEvents(stream, abort, (events) =>
      events.some((event) => event.event === "cluster" && (event.data as { current_workers: number }).current_workers === 6),
    );
    await scaleCluster(cluster.id, 6, { runtime, audit });
    const events = await reading;
    expect(events[0]).toMatchObject({ event: "ready", data: { resumed: false } });
    expect(events.at(-1)).toMatchObject({
      event: "cluster",
      data: { id: cluster.id, status: "active", current_workers: 6, target_workers: 6 },
    });
    expect(events.map((event) => event.id)).toEqual([...events.map((event) => event.id)].sort((x, y) => x - y));
  });

  it("sends a followed cluster's task changes as task events, and leaves them out of the stream of every cluster", async () => {
    const runtime = new LocalAgentRuntime();
    const cluster = await createCluster({ ...request, name: "Tasks streamed" }, { runtime, audit });
    const seen = await latestChangeId();
    const submitted = await submitTasks(
      cluster.id,
      { input: "streamed", priority: 5, timeout_s: 300, max_attempts: 3 },
      { audit, runtime },
    );
    const task = "items" in submitted ? submitted.items[0]! : submitted;
    await cancelTask(task.id, { audit });
    await scaleCluster(cluster.id, 4, { runtime, audit });
    const followed = new AbortController();
    const events = await readEvents(
      clusterEventStream({ lastEventId: seen, clusterId: cluster.id, signal: followed.signal, reader }),
      followed,
      (received) => received.some((event) => event.event === "cluster"),
    );
    // The submission and the cancellation of one task: one event with its newest view.
    expect(events.filter((event) => event.event === "task")).toEqual([
      {
        id: expect.any(Number),
        event: "task",
        data: expect.objectContaining({ id: task.id, cluster_id: cluster.id, status: "cancelled" }),
      },
    ]);
    const everyCluster = new AbortController();
    const all = await readEvents(clusterEventStream({ lastEventId: seen, signal: everyCluster.signal, reader }), everyCluster, (received) =>
      received.some((event) => event.event === "cluster"),
    );
    expect(all.map((event) => event.event)).not.toContain("task");
    expect(await changesAfter(seen)).toSatisfy((changes: Array<{ taskId: string | null }>) =>
      changes.every((change) => change.taskId === null),
    );
  });

  it("replays what a reconnecting client missed, from its Last-Event-ID", async () => {
    const runtime = new LocalAgentRuntime();
    const cluster = await createCluster({ ...request, name: "Resumed" }, { runtime, audit });
    const seen = await latestChangeId();
    await scaleCluster(cluster.id, 4, { runtime, audit });
    await deleteCluster(cluster.id, { runtime, audit });
    const abort = new AbortController();
    const events = await readEvents(clusterEventStream({ lastEventId: seen, signal: abort.signal, reader }), abort, (received) =>
      received.some((event) => event.event === "cluster-deleted"),
    );
    expect(events[0]).toMatchObject({ event: "ready", id: seen, data: { resumed: true } });
    expect(events.at(-1)).toMatchObject({ event: "cluster-deleted", data: { id: cluster.id, deleted_by: audit.actorEmail } });
  });
});

describe("clusterEventStream resuming and resetting", () => {
  it("replays what was missed, then sends live events without repeating one", async () => {
    const runtime = new LocalAgentRuntime();
    const cluster = await createCluster({ ...request, name: "Replayed then live" }, { runtime, audit });
    const seen = await latestChangeId();
    await updateCluster(cluster.id, { description: "missed" }, { audit });
    const abort = new AbortController();
    const reading = readEvents(
      clusterEventStream({ lastEventId: seen, clusterId: cluster.id, signal: abort.signal, reader }),
      abort,
      (events) => events.some((event) => (event.data as { description?: string }).description === "live"),
    );
    // Changed while the stream replays or once it is live: either way it arrives once.
    await updateCluster(cluster.id, { description: "live" }, { audit });
    const events = await reading;
    expect(events[0]).toMatchObject({ event: "ready", id: seen, data: { resumed: true } });
    const ids = events.map((event) => event.id);
    expect(ids).toEqual([...new Set(ids)].sort((a, b) => a - b));
    expect(events.at(-1)).toMatchObject({ event: "cluster", data: { description: "live" } });
  });

  it("tells a client whose changes were pruned to reload, then sends what comes next", async () => {
    const runtime = new LocalAgentRuntime();
    const cluster = await createCluster({ ...request, name: "Reset" }, { runtime, audit });
    const lost = await latestChangeId();
    await updateCluster(cluster.id, { description: "pruned away" }, { audit });
    await db.clusterChange.deleteMany({ where: { id: { lte: lost } } });
    const abort = new AbortController();
    const reading = readEvents(
      clusterEventStream({ lastEventId: lost - 1, clusterId: cluster.id, signal: abort.signal, reader }),
      abort,
      (events) => events.some((event) => event.event === "cluster"),
    );
    await updateCluster(cluster.id, { description: "after the reset" }, { audit });
    const events = await reading;
    expect(events[0]).toMatchObject({ event: "reset", data: { reason: expect.stringContaining("reload everything") } });
    expect(events[0]!.id).toBeGreaterThanOrEqual(lost + 1);
    expect(events.slice(1)).toEqual([
      expect.objectContaining({ event: "cluster", data: expect.objectContaining({ description: "after the reset" }) }),
    ]);
  });
});
