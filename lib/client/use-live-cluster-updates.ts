"use client";
// Keeps every cluster query of this tab current from the server's event stream: a change made in
// another tab, by a script or by the autoscaler lands in the cache without a reload. EventSource
// reconnects by itself and sends Last-Event-ID, so nothing is missed across short drops; when the
// browser gives up (the server answered something other than the stream) a new one is opened.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { ClusterDeletedEvent, ClusterView } from "@/lib/cluster/api-schema";
import { clusterKeys, invalidateClusterQueries, markClusterDeleted } from "./cluster-hooks";
import { useReachability } from "./connection-state";

export type LiveState = "connecting" | "live" | "reconnecting" | "offline";

/** How long to wait before opening a new stream once the browser has closed the old one. */
export const REOPEN_MS = 3_000;

export function useLiveClusterUpdates(): LiveState {
  const queryClient = useQueryClient();
  const [stream, setStream] = useState<"connecting" | "open" | "down">("connecting");
  const reachability = useReachability();

  useEffect(() => {
    let source: EventSource;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    const open = () => {
      source = new EventSource("/api/events");
      source.addEventListener("open", () => setStream("open"));
      source.addEventListener("error", () => {
        setStream("down");
        if (source.readyState === EventSource.CLOSED) reopen = setTimeout(open, REOPEN_MS);
      });
      source.addEventListener("ready", (event) => {
        // A resumed stream replays what was missed; a fresh one cannot, so reload what is shown.
        if (!(JSON.parse(event.data) as { resumed: boolean }).resumed) void queryClient.invalidateQueries({ queryKey: clusterKeys.all });
      });
      source.addEventListener("reset", () => void queryClient.invalidateQueries({ queryKey: clusterKeys.all }));
      source.addEventListener("cluster", (event) => {
        const cluster = JSON.parse(event.data) as ClusterView;
        queryClient.setQueryData<ClusterView>(clusterKeys.detail(cluster.id), (cached) =>
          cached && cached.revision > cluster.revision ? cached : cluster,
        );
        invalidateClusterQueries(queryClient, cluster.id);
      });
      source.addEventListener("cluster-deleted", (event) => {
        const { id, deleted_by } = JSON.parse(event.data) as ClusterDeletedEvent;
        // The page keeps showing the cluster as it was last seen, marked deleted; its queries stop.
        markClusterDeleted(queryClient, id, deleted_by);
        void queryClient.invalidateQueries({ queryKey: clusterKeys.lists() });
      });
    };
    open();
    return () => {
      clearTimeout(reopen);
      source.close();
    };
  }, [queryClient]);

  if (reachability === "offline") return "offline";
  if (stream === "down" || reachability === "unreachable") return "reconnecting";
  return stream === "open" ? "live" : "connecting";
}
