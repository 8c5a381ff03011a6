// The task signals (task-signals.ts) between console instances on one PostgreSQL database: the
// transaction that makes tasks claimable, finishes them or cancels a running one also sends a
// notice (delivered when it commits), and each instance's relay re-emits what it hears as the
// in-process signal. So an idle agent on instance A starts a task submitted through B at once, a
// long poll on A answers when B's agent finishes the task, and an operator's cancel through B aborts
// A's executor. On SQLite one process owns the database and this does nothing.
//
// The sending instance hears its own notices too, after its in-process signal fired: a signal is a
// wake-up, not a work item, so the second one costs at most a dispatch pass that finds nothing.
// A notice lost while the LISTEN connection was down is not replayed: the dispatcher's backstop
// pass (1 s), the long poll's backstop read (500 ms) and the lease renewal (3 s; a cancelled task's
// lease is gone) were always the safety net, so a reconnect needs no catching up.
import { isPostgres } from "@/lib/db/dialect";
import { type InstanceChannel, listenToInstances, notifyInstances } from "@/lib/db/instance-signals";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type TaskSignalMap, taskSignals } from "./task-signals";

type TaskSignal = keyof TaskSignalMap;

const CHANNELS: Record<TaskSignal, InstanceChannel> = {
  claimable: "tasks_claimable",
  finished: "tasks_finished",
  cancel: "tasks_cancel",
};

/** PostgreSQL refuses a payload of 8,000 bytes or more: the ids (cluster or task uuids) go comma-joined below that. */
const PAYLOAD_LIMIT = 7_900;

/**
 * Tells the other instances `signal` for each id, when the caller's transaction commits (or at once
 * outside one). A thousand finished tasks are five notices, not a thousand.
 */
export async function signalInstances(client: Prisma.TransactionClient, signal: TaskSignal, ids: Iterable<string>): Promise<void> {
  if (!isPostgres) return;
  for (const payload of payloadsOf(new Set(ids))) await notifyInstances(client, CHANNELS[signal], payload);
}

/** Re-emits the other instances' notices as this process's task signals; returns the stop. */
export function relayInstanceTaskSignals(): () => void {
  const signals = taskSignals();
  const stops = (Object.keys(CHANNELS) as TaskSignal[]).map((signal) =>
    listenToInstances(CHANNELS[signal], (payload) => {
      for (const id of payload.split(",")) if (id !== "") signals.emit(signal, id);
    }),
  );
  return () => {
    for (const stop of stops) stop();
  };
}

function* payloadsOf(ids: Iterable<string>): Generator<string> {
  let payload = "";
  for (const id of ids) {
    if (payload !== "" && payload.length + 1 + id.length > PAYLOAD_LIMIT) {
      yield payload;
      payload = "";
    }
    payload = payload === "" ? id : `${payload},${id}`;
  }
  if (payload !== "") yield payload;
}
