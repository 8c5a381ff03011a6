// The Server-Sent Events stream of cluster changes. Each event carries the cluster's current view
// (or its deletion), or for a stream that follows one cluster a task's current view, and the
// change-feed id as its event id, so EventSource's automatic reconnect with Last-Event-ID resumes
// exactly where the client left off.
import { logger } from "@/lib/logger";
import type { TaskView } from "@/lib/tasks/api-schema";
import { findTaskViews } from "@/lib/tasks/find-task-views";
import { atMostEvery } from "@/lib/throttle";
import type { ClusterDeletedEvent, ClusterView } from "./api-schema";
import {
  changesAfter,
  changesLostAfter,
  CHANGES_PER_READ,
  type ClusterChangeNotice,
  latestChangeId,
  pruneClusterChanges,
} from "./change-feed";
import { findClusterViews } from "./find-cluster-views";

export const STREAM_POLL_MS = 300;
const HEARTBEAT_MS = 15_000;
const PRUNE_INTERVAL_MS = 60_000;
/** How long a browser waits before reconnecting after the stream drops. */
const RECONNECT_MS = 1_000;

export type ClusterStreamEvent =
  | { event: "ready"; id: number; data: { resumed: boolean } }
  | { event: "reset"; id: number; data: { reason: string } }
  | { event: "cluster"; id: number; data: ClusterView }
  | { event: "cluster-deleted"; id: number; data: ClusterDeletedEvent }
  | { event: "task"; id: number; data: TaskView };

/** Pruning rides along on the streams' polling, at most once a minute per process. */
const pruneNow = atMostEvery(PRUNE_INTERVAL_MS, () => pruneClusterChanges());

export function formatServerSentEvent({ event, id, data }: ClusterStreamEvent): string {
  return `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** One event per changed cluster and per changed task (its newest change), in feed order. */
export async function eventsForChanges(changes: readonly ClusterChangeNotice[]): Promise<ClusterStreamEvent[]> {
  const events = [
    ...(await clusterEvents(changes.filter((change) => change.taskId === null))),
    ...(await taskEvents(changes.filter((change) => change.taskId !== null))),
  ];
  return events.sort((a, b) => a.id - b.id);
}

async function clusterEvents(changes: readonly ClusterChangeNotice[]): Promise<ClusterStreamEvent[]> {
  const newest = newestBy(changes, (change) => change.clusterId);
  const views = new Map(
    (await findClusterViews([...newest.values()].filter((change) => !change.deleted).map((change) => change.clusterId))).map((view) => [
      view.id,
      view,
    ]),
  );
  return [...newest.values()].map((change) => {
    const view = change.deleted ? undefined : views.get(change.clusterId);
    // A change whose cluster is gone by now is reported as the deletion it became.
    return view
      ? { event: "cluster", id: change.id, data: view }
      : { event: "cluster-deleted", id: change.id, data: { id: change.clusterId, deleted_by: change.deleted ? change.actor : null } };
  });
}

/** A task that is gone by now (its cluster deleted) has no event: the cluster's deletion tells. */
async function taskEvents(changes: readonly ClusterChangeNotice[]): Promise<ClusterStreamEvent[]> {
  const newest = newestBy(changes, (change) => change.taskId!);
  const views = new Map((await findTaskViews([...newest.keys()])).map((view) => [view.id, view]));
  return [...newest.values()].flatMap((change): ClusterStreamEvent[] => {
    const view = views.get(change.taskId!);
    return view ? [{ event: "task", id: change.id, data: view }] : [];
  });
}

/** The newest change per key, in the order of those newest changes. */
function newestBy(
  changes: readonly ClusterChangeNotice[],
  keyOf: (change: ClusterChangeNotice) => string,
): Map<string, ClusterChangeNotice> {
  const newest = new Map<string, ClusterChangeNotice>();
  for (const change of changes) {
    newest.delete(keyOf(change));
    newest.set(keyOf(change), change);
  }
  return newest;
}

/** Where a (re)connecting client starts, and what it is told first. */
export async function openingEvent(lastEventId: number | undefined): Promise<ClusterStreamEvent> {
  const latest = await latestChangeId();
  if (lastEventId === undefined) return { event: "ready", id: latest, data: { resumed: false } };
  if (lastEventId > latest || (await changesLostAfter(lastEventId))) {
    return { event: "reset", id: latest, data: { reason: "the changes since your last event are no longer kept; reload everything" } };
  }
  return { event: "ready", id: lastEventId, data: { resumed: true } };
}

export function clusterEventStream(options: { lastEventId?: number; clusterId?: string; signal: AbortSignal }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  const stop = () => {
    clearTimeout(timer);
    clearInterval(heartbeat);
  };
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        if (!options.signal.aborted) controller.enqueue(encoder.encode(text));
      };
      const opening = await openingEvent(options.lastEventId);
      send(`retry: ${RECONNECT_MS}\n`);
      send(formatServerSentEvent(opening));
      let cursor = opening.id;
      heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);

      const poll = async () => {
        let full = false;
        try {
          const changes = await changesAfter(cursor, options.clusterId);
          if (changes.length > 0) {
            for (const event of await eventsForChanges(changes)) send(formatServerSentEvent(event));
            cursor = changes.at(-1)!.id;
          }
          // A busy queue writes more rows than one read takes: read on at once until caught up.
          full = changes.length === CHANGES_PER_READ;
          await pruneNow();
        } catch (error) {
          logger.warn({ err: error }, "cluster event stream poll failed");
        }
        if (!options.signal.aborted) timer = setTimeout(poll, full ? 0 : STREAM_POLL_MS);
      };
      timer = setTimeout(poll, STREAM_POLL_MS);
      options.signal.addEventListener("abort", () => {
        stop();
        try {
          controller.close();
        } catch {
          // Already closed by the runtime when the client went away.
        }
      });
    },
    cancel: stop,
  });
}
