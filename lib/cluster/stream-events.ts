// The events of the cluster event stream: what a batch of change rows becomes (each changed
// cluster's or task's current view, or a cluster's deletion), and the Server-Sent Events text of
// each, written once however many streams send it.
import type { TaskView } from "@/lib/tasks/api-schema";
import { findTaskViews } from "@/lib/tasks/find-task-views";
import type { ClusterDeletedEvent, ClusterView } from "./api-schema";
import type { ClusterChangeNotice } from "./change-feed";
import { findClusterViews } from "./find-cluster-views";

export type ClusterStreamEvent =
  | { event: "ready"; id: number; data: { resumed: boolean } }
  | { event: "reset"; id: number; data: { reason: string } }
  | { event: "cluster"; id: number; data: ClusterView }
  | { event: "cluster-deleted"; id: number; data: ClusterDeletedEvent }
  | { event: "task"; id: number; data: TaskView };

/** The events a change becomes; the opening ones (`ready`, `reset`) are not among them. */
export type ChangeEvent = Extract<ClusterStreamEvent, { event: "cluster" | "cluster-deleted" | "task" }>;

export function formatServerSentEvent({ event, id, data }: ClusterStreamEvent): string {
  return `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** The cluster an event belongs to: a stream that follows one cluster sends only its events. */
export function clusterIdOf(event: ChangeEvent): string {
  return event.event === "task" ? event.data.cluster_id : event.data.id;
}

/** One event per changed cluster and per changed task (its newest change), in feed order. */
export async function eventsForChanges(changes: readonly ClusterChangeNotice[]): Promise<ChangeEvent[]> {
  const events = [
    ...(await clusterEvents(changes.filter((change) => change.taskId === null))),
    ...(await taskEvents(changes.filter((change) => change.taskId !== null))),
  ];
  return events.sort((a, b) => a.id - b.id);
}

async function clusterEvents(changes: readonly ClusterChangeNotice[]): Promise<ChangeEvent[]> {
  const newest = newestBy(changes, (change) => change.clusterId);
  const wanted = [...newest.values()].filter((change) => !change.deleted).map((change) => change.clusterId);
  const views = new Map(wanted.length === 0 ? [] : (await findClusterViews(wanted)).map((view) => [view.id, view]));
  return [...newest.values()].map((change) => {
    const view = change.deleted ? undefined : views.get(change.clusterId);
    // A change whose cluster is gone by now is reported as the deletion it became.
    return view
      ? { event: "cluster", id: change.id, data: view }
      : { event: "cluster-deleted", id: change.id, data: { id: change.clusterId, deleted_by: change.deleted ? change.actor : null } };
  });
}

/** A task that is gone by now (its cluster deleted) has no event: the cluster's deletion tells. */
async function taskEvents(changes: readonly ClusterChangeNotice[]): Promise<ChangeEvent[]> {
  if (changes.length === 0) return [];
  const newest = newestBy(changes, (change) => change.taskId!);
  const views = new Map((await findTaskViews([...newest.keys()])).map((view) => [view.id, view]));
  return [...newest.values()].flatMap((change): ChangeEvent[] => {
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

const encoder = new TextEncoder();

/**
 * Change events in id order with their text, encoded once on first use: a batch that 1,000
 * streams send is written and encoded once, and each stream enqueues the same bytes.
 */
export class StreamEventBatch {
  private encoded: Uint8Array | undefined;

  private constructor(private readonly entries: ReadonlyArray<{ id: number; text: string }>) {}

  static of(events: readonly ChangeEvent[]): StreamEventBatch {
    return new StreamEventBatch(events.map((event) => ({ id: event.id, text: formatServerSentEvent(event) })));
  }

  get isEmpty(): boolean {
    return this.entries.length === 0;
  }

  get lastId(): number | undefined {
    return this.entries.at(-1)?.id;
  }

  get bytes(): Uint8Array {
    this.encoded ??= encoder.encode(this.entries.map((entry) => entry.text).join(""));
    return this.encoded;
  }

  /** The events after `id`: the batch itself when all are (the usual case), else a new, smaller one. */
  after(id: number): StreamEventBatch {
    if ((this.entries[0]?.id ?? Infinity) > id) return this;
    return new StreamEventBatch(this.entries.filter((entry) => entry.id > id));
  }
}
