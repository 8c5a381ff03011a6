import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { importExampleBlueprints } from "@/lib/blueprint/import-example-blueprints";
import { db } from "@/lib/db";
import { isPostgres } from "@/lib/db/dialect";
import { LocalAgentRuntime } from "@/lib/runtime/local-runtime";
import { submitTasks } from "@/lib/tasks/submit-tasks";
import { audit } from "@/lib/test/test-audit";
import { type ClusterChangeNotice, latestChangeId, recordClusterChange } from "./change-feed";
import { ChangeFeedReader, type ChangeFeedReaderOptions, type ChangeFeedSubscriber } from "./change-feed-reader";
import { createCluster } from "./create-cluster";
import { scaleCluster } from "./scale-cluster";
import { eventsForChanges, type StreamEventBatch } from "./stream-events";
import { updateCluster } from "./update-cluster";

beforeAll(async () => {
  await importExampleBlueprints("blueprints");
});

const runtime = new LocalAgentRuntime();
const request = { blueprint_id: "marketing-v1", target_workers: 2 };
/** Long enough that a test passing within a few seconds cannot owe it to the backstop poll. */
const NO_BACKSTOP = 60_000;

interface ReceivedEvent {
  id: number;
  event: string;
  data: { id: string; cluster_id?: string; description?: string };
}

/** Collects the events the reader hands it, parsed back from the bytes a stream would send. */
class CollectingSubscriber implements ChangeFeedSubscriber {
  readonly events: ReceivedEvent[] = [];
  readonly batches: StreamEventBatch[] = [];
  failed = false;

  constructor(readonly clusterId?: string) {}

  receive(batch: StreamEventBatch): void {
    this.batches.push(batch);
    for (const block of new TextDecoder().decode(batch.bytes).split("\n\n").filter(Boolean)) {
      const field = (name: string) =>
        block
          .split("\n")
          .find((line) => line.startsWith(`${name}: `))!
          .slice(name.length + 2);
      this.events.push({ id: Number(field("id")), event: field("event"), data: JSON.parse(field("data")) as ReceivedEvent["data"] });
    }
  }

  fail(): void {
    this.failed = true;
  }
}

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const readers: ChangeFeedReader[] = [];
function newReader(options: ChangeFeedReaderOptions): ChangeFeedReader {
  const reader = new ChangeFeedReader(options);
  readers.push(reader);
  return reader;
}

afterEach(() => {
  for (const reader of readers.splice(0)) reader.close();
});

/** A change row written without the record functions, so nothing wakes the reader. */
async function silentChange(clusterId: string, id?: number): Promise<number> {
  return (await db.clusterChange.create({ data: { clusterId, ...(id === undefined ? {} : { id }) } })).id;
}

describe("ChangeFeedReader", () => {
  it("hands each subscriber the events of its filter: every cluster without tasks, or one cluster with its tasks", async () => {
    const x = await createCluster({ ...request, name: "X" }, { runtime, audit });
    const y = await createCluster({ ...request, name: "Y" }, { runtime, audit });
    const reader = newReader({ backstopPollMs: NO_BACKSTOP });
    const everyCluster = [new CollectingSubscriber(), new CollectingSubscriber()];
    const followsX = new CollectingSubscriber(x.id);
    const followsY = new CollectingSubscriber(y.id);
    for (const subscriber of [...everyCluster, followsX, followsY]) await reader.subscribe(subscriber);

    const submitted = await submitTasks(x.id, { input: "fanned out", priority: 5, timeout_s: 300, max_attempts: 3 }, { audit, runtime });
    const taskId = "items" in submitted ? submitted.items[0]!.id : submitted.id;
    await updateCluster(x.id, { description: "x changed" }, { audit });
    await updateCluster(y.id, { description: "y changed" }, { audit });
    await until(() =>
      [...everyCluster, followsY].every((subscriber) => subscriber.events.some((event) => event.data.description === "y changed")),
    );
    await until(() => followsX.events.some((event) => event.data.description === "x changed"));

    for (const subscriber of everyCluster) {
      expect(subscriber.events.map((event) => event.event)).not.toContain("task");
      expect(new Set(subscriber.events.map((event) => event.data.id))).toEqual(new Set([x.id, y.id]));
    }
    expect(followsX.events.filter((event) => event.event === "task").map((event) => event.data.id)).toEqual([taskId]);
    expect(followsX.events.every((event) => (event.data.cluster_id ?? event.data.id) === x.id)).toBe(true);
    expect(followsY.events.map((event) => [event.event, event.data.id])).toEqual([["cluster", y.id]]);
    for (const subscriber of [...everyCluster, followsX, followsY]) {
      const ids = subscriber.events.map((event) => event.id);
      expect(ids).toEqual([...new Set(ids)].sort((a, b) => a - b));
    }
  });

  it("renders a batch once for all its subscribers, and only what some subscriber wants", async () => {
    const clusters = [
      await createCluster({ ...request, name: "Rendered 1" }, { runtime, audit }),
      await createCluster({ ...request, name: "Rendered 2" }, { runtime, audit }),
    ];
    const rendered: Array<readonly ClusterChangeNotice[]> = [];
    const reader = newReader({
      backstopPollMs: NO_BACKSTOP,
      render: (changes) => {
        rendered.push(changes);
        return eventsForChanges(changes);
      },
    });
    const subscribers = Array.from({ length: 200 }, (_, index) => new CollectingSubscriber(index % 2 === 0 ? undefined : clusters[0]!.id));
    for (const subscriber of subscribers) await reader.subscribe(subscriber);
    // Rows written silently in one statement (a late notice may wake the reader, but it sees all or none), then one wake.
    await db.clusterChange.createMany({
      data: [
        { clusterId: clusters[0]!.id },
        { clusterId: clusters[1]!.id },
        { clusterId: clusters[0]!.id },
        { clusterId: "nobody-follows", taskId: "some-task" },
      ],
    });
    reader.wake();
    await until(() => subscribers.every((subscriber) => subscriber.events.length > 0));

    expect(rendered).toHaveLength(1);
    // The unfollowed cluster's task change is read but never rendered.
    expect(rendered[0]!.map((change) => change.clusterId)).toEqual([clusters[0]!.id, clusters[1]!.id, clusters[0]!.id]);
    // Every stream of one filter gets the very same batch (its bytes encoded once).
    const everyCluster = subscribers.filter((subscriber) => subscriber.clusterId === undefined);
    expect(new Set(everyCluster.map((subscriber) => subscriber.batches[0]))).toHaveProperty("size", 1);
    expect(everyCluster[0]!.events.map((event) => event.data.id)).toEqual([clusters[1]!.id, clusters[0]!.id]);
    expect(subscribers[1]!.events.map((event) => event.data.id)).toEqual([clusters[0]!.id]);
  });

  it("takes a burst of announced changes in a few reads, one per interval", async () => {
    let reads = 0;
    const reader = newReader({
      backstopPollMs: NO_BACKSTOP,
      minReadIntervalMs: 200,
      render: (changes) => {
        reads++;
        return eventsForChanges(changes);
      },
    });
    const subscriber = new CollectingSubscriber();
    await reader.subscribe(subscriber);
    const started = Date.now();
    for (let index = 0; index < 20; index++) {
      await silentChange(`burst-${index}`);
      reader.wake();
      await sleep(10);
    }
    const burstMs = Date.now() - started;
    await until(() => subscriber.events.length === 20);
    expect(subscriber.events.map((event) => event.data.id)).toEqual(Array.from({ length: 20 }, (_, index) => `burst-${index}`));
    // One read at once, then one per 200 ms of the burst (a loaded machine stretches it), and the last.
    expect(reads).toBeLessThanOrEqual(Math.ceil(burstMs / 200) + 1);
    expect(reads).toBeLessThan(10);
  });

  it("is woken by a change recorded in this process, long before its backstop poll", async () => {
    const cluster = await createCluster({ ...request, name: "Woken" }, { runtime, audit });
    const reader = newReader({ backstopPollMs: NO_BACKSTOP });
    const subscriber = new CollectingSubscriber(cluster.id);
    await reader.subscribe(subscriber);
    const started = Date.now();
    await scaleCluster(cluster.id, 4, { runtime, audit });
    await until(() =>
      subscriber.events.some((event) => event.event === "cluster" && (event.data as { current_workers?: number }).current_workers === 4),
    );
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("reads only committed changes: one whose transaction rolls back is never handed on, the next one is", async () => {
    const reader = newReader({ backstopPollMs: NO_BACKSTOP });
    const subscriber = new CollectingSubscriber();
    await reader.subscribe(subscriber);
    // The wake comes from inside the transaction; the reader must not read before it ends.
    await expect(
      db.$transaction(async (tx) => {
        await recordClusterChange(tx, "rolled-back");
        await sleep(100);
        throw new Error("undone");
      }),
    ).rejects.toThrow("undone");
    await db.$transaction((tx) => recordClusterChange(tx, "committed"));
    await until(() => subscriber.events.length > 0);
    await sleep(100);
    expect(subscriber.events.map((event) => event.data.id)).toEqual(["committed"]);
  });

  it("finds a change no signal announced on its backstop poll, and only while a stream is open", async () => {
    const cluster = await createCluster({ ...request, name: "Polled" }, { runtime, audit });
    const deaf = newReader({ backstopPollMs: NO_BACKSTOP });
    const polling = newReader({ backstopPollMs: 200 });
    const unheard = new CollectingSubscriber(cluster.id);
    const heard = new CollectingSubscriber(cluster.id);
    await deaf.subscribe(unheard);
    await polling.subscribe(heard);
    const id = await silentChange(cluster.id);
    await until(() => heard.events.some((event) => event.id === id), 2_000);
    expect(unheard.events).toEqual([]);

    // With its last stream gone the reader stops; the next first stream starts at the newest change.
    polling.unsubscribe(heard);
    await silentChange(cluster.id);
    expect(await polling.subscribe(new CollectingSubscriber())).toBe(await latestChangeId());
  });

  it("waits for a missing id before handing on the ids after it, then skips it once it stays missing", async () => {
    const reader = newReader({ backstopPollMs: NO_BACKSTOP, gapWaitMs: 400 });
    const subscriber = new CollectingSubscriber();
    const start = await reader.subscribe(subscriber);
    try {
      await expectGapsWaitedFor(reader, subscriber, start);
    } finally {
      // PostgreSQL's sequence does not see ids given by hand (SQLite's AUTOINCREMENT does): move it past them.
      if (isPostgres) await db.$executeRaw`SELECT setval(pg_get_serial_sequence('cluster_changes', 'id'), ${start + 4})`;
    }
  });

  it.skipIf(!isPostgres)("on PostgreSQL, holds back an id committed before an earlier one, and hands both on in order", async () => {
    const reader = newReader({ backstopPollMs: NO_BACKSTOP, gapWaitMs: 10_000 });
    const subscriber = new CollectingSubscriber();
    await reader.subscribe(subscriber);
    let commit!: () => void;
    const held = new Promise<void>((resolve) => (commit = resolve));
    // The first transaction takes its id and stays open while a second one takes the next id and commits.
    const slow = db.$transaction(
      async (tx) => {
        await recordClusterChange(tx, "first-taken");
        await held;
      },
      { timeout: 10_000 },
    );
    await sleep(200);
    await db.$transaction((tx) => recordClusterChange(tx, "first-committed"));
    await sleep(300);
    expect(subscriber.events).toEqual([]);
    commit();
    await slow;
    await until(() => subscriber.events.length === 2, 2_000);
    expect(subscriber.events.map((event) => event.data.id)).toEqual(["first-taken", "first-committed"]);
  });

  it("ends a stream it owed a batch it could not render", async () => {
    const cluster = await createCluster({ ...request, name: "Unrendered" }, { runtime, audit });
    const reader = newReader({
      backstopPollMs: NO_BACKSTOP,
      render: () => Promise.reject(new Error("the database went away")),
    });
    const subscriber = new CollectingSubscriber();
    await reader.subscribe(subscriber);
    await updateCluster(cluster.id, { description: "lost" }, { audit });
    await until(() => subscriber.failed);
  });
});

/** Id start+2 committed before start+1 waits for it; id start+4 without a start+3 waits the reader's gap wait (400 ms), then comes. */
async function expectGapsWaitedFor(reader: ChangeFeedReader, subscriber: CollectingSubscriber, start: number): Promise<void> {
  // Id start+2 commits before start+1: held back until start+1 shows up, then both in order.
  await silentChange("gap-b", start + 2);
  reader.wake();
  await sleep(150);
  expect(subscriber.events).toEqual([]);
  await silentChange("gap-a", start + 1);
  reader.wake();
  await until(() => subscriber.events.length === 2, 1_000);
  expect(subscriber.events.map((event) => [event.id, event.data.id])).toEqual([
    [start + 1, "gap-a"],
    [start + 2, "gap-b"],
  ]);

  // Id start+3 never commits (a rollback): start+4 comes once the wait is over, without another wake.
  const waited = Date.now();
  await silentChange("gap-d", start + 4);
  reader.wake();
  await until(() => subscriber.events.length === 3, 2_000);
  expect(subscriber.events[2]).toMatchObject({ id: start + 4, data: { id: "gap-d" } });
  expect(Date.now() - waited).toBeGreaterThanOrEqual(350);
}
