// News between console instances on one PostgreSQL database: NOTIFY inside the transaction that
// made the change (delivered when it commits, never for a rollback) and one dedicated LISTEN
// connection per process, outside Prisma's pool. On SQLite one process owns the database and both
// calls do nothing: the in-process signals (task-signals, the change-feed reader) suffice.
//
// Listeners must not rely on every notice arriving: a notice sent while the connection was down is
// lost. Each use keeps a slow backstop poll, and `onReconnect` tells it to catch up at once.
import pg from "pg";

import { env } from "../env";
import { logger } from "../logger";
import { isPostgres } from "./dialect";
import { type Prisma } from "../generated/prisma/client";

/** The channels the instances speak on; payloads are short ids, never data. */
export type InstanceChannel = "cluster_changes" | "tasks_claimable" | "tasks_finished" | "tasks_cancel" | "principals_changed";

type Listener = (payload: string) => void;

interface ListenState {
  client?: pg.Client;
  connecting?: Promise<void>;
  listeners: Map<InstanceChannel, Set<Listener>>;
  reconnectListeners: Set<() => void>;
  retryTimer?: NodeJS.Timeout;
  retryDelayMs: number;
  stopped: boolean;
}

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5_000;

// One LISTEN connection per process, shared by the bundles Next.js loads (instrumentation, routes).
const globalForSignals = globalThis as unknown as { instanceSignals?: ListenState };
const state: ListenState = (globalForSignals.instanceSignals ??= {
  listeners: new Map(),
  reconnectListeners: new Set(),
  retryDelayMs: RETRY_MIN_MS,
  stopped: false,
});

/**
 * Queues a notice on `channel` in the caller's transaction (or at once outside one); PostgreSQL
 * folds identical notices of one transaction into one. Does nothing on SQLite.
 */
export async function notifyInstances(client: Prisma.TransactionClient, channel: InstanceChannel, payload = ""): Promise<void> {
  if (!isPostgres) return;
  await client.$executeRaw`SELECT pg_notify(${channel}, ${payload})`;
}

/** Calls `listener` with each notice's payload on `channel`; returns the unsubscribe. Does nothing on SQLite. */
export function listenToInstances(channel: InstanceChannel, listener: Listener): () => void {
  if (!isPostgres) return () => {};
  let channelListeners = state.listeners.get(channel);
  const isNewChannel = !channelListeners;
  if (!channelListeners) {
    channelListeners = new Set();
    state.listeners.set(channel, channelListeners);
  }
  channelListeners.add(listener);
  state.stopped = false;
  if (state.client && isNewChannel) void listenOn(state.client, [channel]);
  else void connect();
  return () => {
    channelListeners.delete(listener);
  };
}

/** Calls `listener` whenever the LISTEN connection came back after a loss: notices may have been missed. */
export function onInstanceSignalsReconnect(listener: () => void): () => void {
  state.reconnectListeners.add(listener);
  return () => {
    state.reconnectListeners.delete(listener);
  };
}

/** Closes the LISTEN connection (server shutdown, tests). */
export async function stopInstanceSignals(): Promise<void> {
  state.stopped = true;
  clearTimeout(state.retryTimer);
  const client = state.client;
  state.client = undefined;
  await client?.end().catch(() => {});
}

async function listenOn(client: pg.Client, channels: InstanceChannel[]): Promise<void> {
  for (const channel of channels) {
    // Channel names come from the InstanceChannel union, never from a caller's input.
    await client.query(`LISTEN ${channel}`).catch((error: unknown) => logger.warn({ err: error, channel }, "LISTEN failed"));
  }
}

function connect(): Promise<void> {
  if (state.client || state.stopped) return Promise.resolve();
  state.connecting ??= (async () => {
    const client = new pg.Client({ connectionString: env.DATABASE_URL, application_name: "cluster-console-listen" });
    const lost = (error?: unknown) => {
      if (state.client !== client) return;
      state.client = undefined;
      if (error) logger.warn({ err: error }, "the LISTEN connection to PostgreSQL was lost; reconnecting");
      client.end().catch(() => {});
      scheduleReconnect();
    };
    client.on("notification", (notice) => {
      const listeners = state.listeners.get(notice.channel as InstanceChannel);
      for (const listener of listeners ?? []) listener(notice.payload ?? "");
    });
    client.on("error", lost);
    client.on("end", () => lost());
    try {
      await client.connect();
      state.client = client;
      await listenOn(client, [...state.listeners.keys()]);
      const wasRetrying = state.retryDelayMs > RETRY_MIN_MS;
      state.retryDelayMs = RETRY_MIN_MS;
      if (wasRetrying) for (const listener of state.reconnectListeners) listener();
    } catch (error) {
      logger.warn({ err: error }, "could not LISTEN on PostgreSQL; retrying");
      client.end().catch(() => {});
      scheduleReconnect();
    }
  })().finally(() => {
    state.connecting = undefined;
  });
  return state.connecting;
}

function scheduleReconnect(): void {
  if (state.stopped) return;
  clearTimeout(state.retryTimer);
  const delay = state.retryDelayMs;
  state.retryDelayMs = Math.min(state.retryDelayMs * 2, RETRY_MAX_MS);
  state.retryTimer = setTimeout(() => void connect(), delay);
  state.retryTimer.unref();
}
