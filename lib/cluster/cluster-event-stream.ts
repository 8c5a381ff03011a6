// The Server-Sent Events stream of cluster changes. Each event carries the cluster's current view
// (or its deletion), or for a stream that follows one cluster a task's current view, and the
// change-feed id as its event id, so EventSource's automatic reconnect with Last-Event-ID resumes
// exactly where the client left off. The live events come from the process's one change-feed
// reader; a resuming stream first replays what its client missed from the feed itself.
import { logger } from "@/lib/logger";
import { changesAfter, changesLostAfter, CHANGES_PER_READ, latestChangeId } from "./change-feed";
import { changeFeedReader, type ChangeFeedReader, type ChangeFeedSubscriber } from "./change-feed-reader";
import { type ClusterStreamEvent, eventsForChanges, formatServerSentEvent, StreamEventBatch } from "./stream-events";

const HEARTBEAT_MS = 15_000;
/** How long a browser waits before reconnecting after the stream drops. */
const RECONNECT_MS = 1_000;
const encoder = new TextEncoder();
const KEEP_ALIVE = encoder.encode(": keep-alive\n\n");

/**
 * Where a (re)connecting client starts, and what it is told first. `position` is the reader's:
 * a new client is current as of it, since every later event reaches it live.
 */
export async function openingEvent(lastEventId: number | undefined, position: number): Promise<ClusterStreamEvent> {
  if (lastEventId === undefined) return { event: "ready", id: position, data: { resumed: false } };
  if (lastEventId > (await latestChangeId()) || (await changesLostAfter(lastEventId))) {
    return { event: "reset", id: position, data: { reason: "the changes since your last event are no longer kept; reload everything" } };
  }
  return { event: "ready", id: lastEventId, data: { resumed: true } };
}

// Clients that resume together (every tab after a server restart) mostly missed the same changes:
// one replay serves all that ask for the same range while it runs.
const replaysUnderWay = new Map<string, Promise<StreamEventBatch[]>>();

/** The events of the changes in (afterId, toId] a stream with this filter sends. */
export function replayChanges(afterId: number, toId: number, clusterId: string | undefined): Promise<StreamEventBatch[]> {
  const key = `${afterId}:${toId}:${clusterId ?? ""}`;
  let replay = replaysUnderWay.get(key);
  if (!replay) {
    replay = readReplay(afterId, toId, clusterId).finally(() => replaysUnderWay.delete(key));
    replaysUnderWay.set(key, replay);
  }
  return replay;
}

async function readReplay(afterId: number, toId: number, clusterId: string | undefined): Promise<StreamEventBatch[]> {
  const batches: StreamEventBatch[] = [];
  let cursor = afterId;
  for (;;) {
    const page = await changesAfter(cursor, clusterId);
    const within = page.filter((change) => change.id <= toId);
    if (within.length > 0) batches.push(StreamEventBatch.of(await eventsForChanges(within)));
    if (page.length < CHANGES_PER_READ || within.length < page.length) return batches;
    cursor = page.at(-1)!.id;
  }
}

/** One open stream as the reader sees it: holds live batches back until its opening is sent, then sends each event after the last one sent. */
class StreamSubscriber implements ChangeFeedSubscriber {
  private held: StreamEventBatch[] | undefined = [];
  private lastSentId = 0;

  constructor(
    readonly clusterId: string | undefined,
    private readonly write: (bytes: Uint8Array) => void,
    private readonly end: () => void,
  ) {}

  receive(batch: StreamEventBatch): void {
    if (this.held) this.held.push(batch);
    else this.send(batch);
  }

  fail(): void {
    this.end();
  }

  /** The client has everything up to `id`. */
  skipTo(id: number): void {
    this.lastSentId = Math.max(this.lastSentId, id);
  }

  send(batch: StreamEventBatch): void {
    const fresh = batch.after(this.lastSentId);
    if (fresh.isEmpty) return;
    this.write(fresh.bytes);
    this.lastSentId = fresh.lastId!;
  }

  /** Sends what was held back while the stream opened, then each batch as it comes. */
  goLive(): void {
    const held = this.held ?? [];
    this.held = undefined;
    for (const batch of held) this.send(batch);
  }
}

export function clusterEventStream(options: {
  lastEventId?: number;
  clusterId?: string;
  signal: AbortSignal;
  /** The process's reader unless a test brings its own. */
  reader?: ChangeFeedReader;
}): ReadableStream<Uint8Array> {
  const reader = options.reader ?? changeFeedReader();
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let subscriber: StreamSubscriber | undefined;
  const stop = () => {
    clearInterval(heartbeat);
    if (subscriber) reader.unsubscribe(subscriber);
  };
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const close = () => {
        stop();
        try {
          controller.close();
        } catch {
          // Already closed by the runtime when the client went away.
        }
      };
      const write = (bytes: Uint8Array) => {
        if (options.signal.aborted) return;
        try {
          controller.enqueue(bytes);
        } catch {
          // The runtime closed the stream under us: stop feeding it (the reader must not trip over it).
          close();
        }
      };
      options.signal.addEventListener("abort", close);
      subscriber = new StreamSubscriber(options.clusterId, write, close);
      try {
        // Subscribed before the opening event: a change made once the client is told "ready" reaches it.
        const position = await reader.subscribe(subscriber);
        const opening = await openingEvent(options.lastEventId, position);
        write(encoder.encode(`retry: ${RECONNECT_MS}\n`));
        write(encoder.encode(formatServerSentEvent(opening)));
        subscriber.skipTo(opening.id);
        if (opening.event === "ready" && opening.data.resumed && opening.id < position) {
          for (const batch of await replayChanges(opening.id, position, options.clusterId)) subscriber.send(batch);
        }
        subscriber.goLive();
        // A client that left while the stream opened missed the abort's close.
        if (options.signal.aborted) return close();
        heartbeat = setInterval(() => write(KEEP_ALIVE), HEARTBEAT_MS);
      } catch (error) {
        // The client reconnects with the last id it got and resumes from there.
        logger.warn({ err: error }, "opening a cluster event stream failed");
        close();
      }
    },
    cancel: stop,
  });
}
