// One change-feed reader per process: it reads the new cluster_changes rows once, renders each
// changed cluster and task once per batch, and hands every open event stream the events its
// filter wants, instead of every stream polling the table itself. It reads when woken (a change
// recorded in this process, a NOTIFY from another instance on PostgreSQL, the LISTEN connection
// coming back) and, while any stream is open, on a slow backstop poll that bounds what a lost
// notice costs. It also prunes old changes, at most once a minute.
import { db } from "@/lib/db";
import { listenToInstances, onInstanceSignalsReconnect } from "@/lib/db/instance-signals";
import { logger } from "@/lib/logger";
import { atMostEvery } from "@/lib/throttle";
import {
  CHANGES_PER_READ,
  type ClusterChangeNotice,
  latestChangeId,
  onChangesRecorded,
  pruneClusterChanges,
  readChanges,
} from "./change-feed";
import { deliverableChanges, type GapWatch } from "./change-feed-gaps";
import { forgetClusterViews } from "./cluster-view-cache";
import { type ChangeEvent, clusterIdOf, eventsForChanges, StreamEventBatch } from "./stream-events";

/** A lost notice costs at most this much delay. */
export const BACKSTOP_POLL_MS = 1_000;
/** How long a missing id may hold back the ids after it (see change-feed-gaps.ts). */
export const GAP_WAIT_MS = 1_000;
const PRUNE_INTERVAL_MS = 60_000;
/** The least time from one read's start to the next, unless the last read was full. */
export const MIN_READ_INTERVAL_MS = 50;
/** A read waits this long at most for the transaction ahead of it (SQLite runs one at a time). */
const READ_MAX_WAIT_MS = 10_000;

export interface ChangeFeedSubscriber {
  /** The cluster this stream follows, with its tasks' events; undefined for every cluster, without task events. */
  readonly clusterId?: string;
  /** The events of one batch this subscriber wants (never empty), in id order. */
  receive(batch: StreamEventBatch): void;
  /** The reader lost a batch this subscriber was owed: the stream must end so that its client resumes. */
  fail(error: unknown): void;
}

export interface ChangeFeedReaderOptions {
  backstopPollMs?: number;
  gapWaitMs?: number;
  minReadIntervalMs?: number;
  /** Turns a batch's change rows into events; the tests count its calls. */
  render?: (changes: readonly ClusterChangeNotice[]) => Promise<ChangeEvent[]>;
}

export class ChangeFeedReader {
  private readonly subscribers = new Set<ChangeFeedSubscriber>();
  /** The last id handed on: the next read starts after it. */
  private cursor = 0;
  /** The last id read for delivery: a stream that subscribes now gets every event after it. */
  private position = 0;
  /** Whether the cursor is at the newest change as of the first stream's arrival: reads may start. */
  private started = false;
  private starting: Promise<void> | undefined;
  private reading: Promise<void> | undefined;
  private readAgain = false;
  private wokenWhileStarting = false;
  private lastReadAt = Number.NEGATIVE_INFINITY;
  private gapWatch: GapWatch | undefined;
  private gapTimer: NodeJS.Timeout | undefined;
  private backstop: NodeJS.Timeout | undefined;
  private readonly stopListening: Array<() => void> = [];
  private readonly backstopPollMs: number;
  private readonly gapWaitMs: number;
  private readonly minReadIntervalMs: number;
  private readonly render: (changes: readonly ClusterChangeNotice[]) => Promise<ChangeEvent[]>;
  private readonly pruneNow = atMostEvery(PRUNE_INTERVAL_MS, () => pruneClusterChanges());

  constructor(options: ChangeFeedReaderOptions = {}) {
    this.backstopPollMs = options.backstopPollMs ?? BACKSTOP_POLL_MS;
    this.gapWaitMs = options.gapWaitMs ?? GAP_WAIT_MS;
    this.minReadIntervalMs = options.minReadIntervalMs ?? MIN_READ_INTERVAL_MS;
    this.render = options.render ?? eventsForChanges;
  }

  /**
   * Adds a stream; it receives every event after the returned id (the reader's position). Its
   * client, if it had seen less, must read what lies between from the feed itself.
   */
  async subscribe(subscriber: ChangeFeedSubscriber): Promise<number> {
    this.subscribers.add(subscriber);
    if (this.subscribers.size === 1) {
      this.backstop = setInterval(() => this.wake(), this.backstopPollMs);
      this.backstop.unref();
    }
    if (!this.started) this.starting ??= this.start();
    try {
      await this.starting;
    } catch (error) {
      this.unsubscribe(subscriber);
      throw error;
    }
    return this.position;
  }

  unsubscribe(subscriber: ChangeFeedSubscriber): void {
    if (!this.subscribers.delete(subscriber) || this.subscribers.size > 0) return;
    // Nobody listens: stop reading. The next first stream starts again from the newest change.
    this.started = false;
    clearInterval(this.backstop);
    clearTimeout(this.gapTimer);
    this.gapWatch = undefined;
  }

  /** Reads the new changes soon; a read already under way reads again when done. */
  wake(): void {
    if (this.subscribers.size === 0) return;
    if (!this.started) {
      // Not yet at the newest change: the start reads again if woken meanwhile.
      if (this.starting) this.wokenWhileStarting = true;
      return;
    }
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = this.readUntilCaughtUp().finally(() => {
      this.reading = undefined;
    });
  }

  /** Stops listening and polling (tests; a server keeps its reader). */
  close(): void {
    for (const subscriber of [...this.subscribers]) this.unsubscribe(subscriber);
    for (const stop of this.stopListening.splice(0)) stop();
  }

  private async start(): Promise<void> {
    if (this.stopListening.length === 0) {
      const wake = () => this.wake();
      this.stopListening.push(onChangesRecorded(wake), listenToInstances("cluster_changes", wake), onInstanceSignalsReconnect(wake));
    }
    this.wokenWhileStarting = false;
    try {
      // Changes made while nobody listened are nobody's news: start at the newest.
      const latest = await latestChangeId();
      this.cursor = Math.max(this.cursor, latest);
      this.position = Math.max(this.position, latest);
      this.started = this.subscribers.size > 0;
    } finally {
      this.starting = undefined;
    }
    // A change announced while starting may be newer than what the start read.
    if (this.wokenWhileStarting) this.wake();
  }

  private async readUntilCaughtUp(): Promise<void> {
    let full = false;
    for (;;) {
      // A busy queue announces changes hundreds of times a second: one read per interval takes them all.
      const wait = full ? 0 : this.lastReadAt + this.minReadIntervalMs - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (this.subscribers.size === 0) return;
      this.readAgain = false;
      this.lastReadAt = Date.now();
      full = await this.readBatch();
      if (!full && !this.readAgain) return;
    }
  }

  /** One read and its fan-out; true when it read a full batch and more may be waiting. */
  private async readBatch(): Promise<boolean> {
    const from = this.cursor;
    let rows: ClusterChangeNotice[];
    try {
      // A transaction: on SQLite it waits for the one that woke the reader and sees only committed rows.
      rows = await db.$transaction((tx) => readChanges(tx, from), { maxWait: READ_MAX_WAIT_MS });
    } catch (error) {
      logger.warn({ err: error }, "reading the change feed failed; the next poll tries again");
      return false;
    }
    // Before any stream hears of a change: a tab refetching the cluster on its event must not get a cached view.
    if (rows.length > 0) forgetClusterViews(new Set(rows.map((row) => row.clusterId)));
    const { deliver, watch } = deliverableChanges(rows, from, this.gapWatch, Date.now(), this.gapWaitMs);
    this.watchGap(watch);
    if (deliver.length > 0) await this.handOn(deliver);
    await this.pruneNow().catch((error: unknown) => logger.warn({ err: error }, "pruning the change feed failed"));
    return rows.length === CHANGES_PER_READ && deliver.length === rows.length;
  }

  private watchGap(watch: GapWatch | undefined): void {
    if (watch === this.gapWatch) return;
    this.gapWatch = watch;
    clearTimeout(this.gapTimer);
    if (!watch) return;
    // Read again when the wait is over, however quiet the feed is by then.
    this.gapTimer = setTimeout(() => this.wake(), Math.max(0, watch.since + this.gapWaitMs - Date.now()));
    this.gapTimer.unref();
  }

  private async handOn(changes: readonly ClusterChangeNotice[]): Promise<void> {
    const lastId = changes.at(-1)!.id;
    // Streams that subscribe from here on start after this batch; those already here get it.
    const audience = [...this.subscribers];
    this.position = Math.max(this.position, lastId);
    const everyCluster = audience.some((subscriber) => subscriber.clusterId === undefined);
    const followed = new Set(audience.map((subscriber) => subscriber.clusterId));
    // Render only what some stream sends: task views only for followed clusters.
    const wanted = changes.filter((change) => (change.taskId === null && everyCluster) || followed.has(change.clusterId));
    try {
      const events = wanted.length === 0 ? [] : await this.render(wanted);
      fanOut(events, audience, this.subscribers);
    } catch (error) {
      logger.warn({ err: error }, "rendering change-feed events failed; the streams that missed them end and resume");
      for (const subscriber of audience) if (this.subscribers.has(subscriber)) subscriber.fail(error);
    }
    this.cursor = Math.max(this.cursor, lastId);
  }
}

/** Each subscriber still open gets its filter's share of the events, built once per filter. */
function fanOut(events: readonly ChangeEvent[], audience: readonly ChangeFeedSubscriber[], open: ReadonlySet<ChangeFeedSubscriber>): void {
  const byCluster = new Map<string | undefined, ChangeEvent[]>([[undefined, []]]);
  for (const event of events) {
    const clusterId = clusterIdOf(event);
    if (!byCluster.has(clusterId)) byCluster.set(clusterId, []);
    byCluster.get(clusterId)!.push(event);
    // The streams of every cluster leave tasks out: a busy queue would drown the clusters' own changes.
    if (event.event !== "task") byCluster.get(undefined)!.push(event);
  }
  const batches = new Map<string | undefined, StreamEventBatch>();
  for (const subscriber of audience) {
    const wanted = byCluster.get(subscriber.clusterId);
    if (!wanted || wanted.length === 0 || !open.has(subscriber)) continue;
    let batch = batches.get(subscriber.clusterId);
    if (!batch) batches.set(subscriber.clusterId, (batch = StreamEventBatch.of(wanted)));
    subscriber.receive(batch);
  }
}

// One reader per process, shared by the bundles Next.js loads.
const globalForReader = globalThis as unknown as { changeFeedReader?: ChangeFeedReader };

export function changeFeedReader(): ChangeFeedReader {
  globalForReader.changeFeedReader ??= new ChangeFeedReader();
  return globalForReader.changeFeedReader;
}
