"use client";
// Keeps every cluster query of this tab current from the server's event stream: a change made in
// another tab, by a script or by the autoscaler lands in the cache without a reload. EventSource
// reconnects by itself and sends Last-Event-ID, so nothing is missed across short drops.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { ClusterView } from "@/lib/cluster/api-schema";
import { clusterKeys, invalidateClusterQueries } from "./cluster-hooks";

export type LiveState = "connecting" | "live" | "reconnecting";

export function useLiveClusterUpdates(): LiveState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>("connecting");

  useEffect(() => {
    const source = new EventSource("/api/events");
    source.addEventListener("open", () => setState("live"));
    source.addEventListener("error", () => setState(source.readyState === EventSource.CLOSED ? "connecting" : "reconnecting"));
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
      const { id } = JSON.parse(event.data) as { id: string };
      queryClient.removeQueries({ queryKey: clusterKeys.detail(id) });
      invalidateClusterQueries(queryClient, id);
    });
    return () => source.close();
  }, [queryClient]);

  return state;
}
