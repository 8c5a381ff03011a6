"use client";
// Keeps every cluster query of this tab current from the server's event stream: a change made in
// another tab, by a script or by the autoscaler lands in the cache without a reload. EventSource
// reconnects by itself and sends Last-Event-ID, so nothing is missed across short drops; when the
// browser gives up (the server answered something other than the stream) a new one is opened.
// A tab keeps one stream (browsers allow six connections to a server, shared by all its tabs): on a
// cluster's page it follows that cluster, which brings its tasks' events as well (the stream of
// every cluster leaves tasks out, or a busy queue would drown it). Tasks change in bursts, so what
// they change (task lists and open tasks, the cluster's counts, busy agents) is refetched at most
// once a second, each changed cluster and task once.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { ClusterDeletedEvent, ClusterView } from "@/lib/cluster/api-schema";
import type { TaskView } from "@/lib/tasks/api-schema";
import { batchKeys } from "./batched-keys";
import { clusterKeys, invalidateClusterQueries, markClusterDeleted, newerClusterView } from "./cluster-hooks";
import { useReachability } from "./connection-state";
import { refreshTaskQueries, taskKeys } from "./task-hooks";

export type LiveState = "connecting" | "live" | "reconnecting" | "offline";

/** How long to wait before opening a new stream once the browser has closed the old one. */
const REOPEN_MS = 3_000;
/** The least time between two refetches of what task events change. */
const TASK_REFRESH_MS = 1_000;

/** The cluster whose page this is (`/clusters/<id>`), which the tab's stream then follows; undefined elsewhere. */
export function followedClusterId(pathname: string): string | undefined {
  const match = /^\/clusters\/([^/]+)\/?$/.exec(pathname);
  return match ? decodeURIComponent(match[1]!) : undefined;
}

export function useLiveClusterUpdates(clusterId?: string): LiveState {
  const queryClient = useQueryClient();
  const [stream, setStream] = useState<"connecting" | "open" | "down">("connecting");
  const reachability = useReachability();

  useEffect(() => {
    let source: EventSource;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    const changedClusters = batchKeys(TASK_REFRESH_MS, (clusterIds) => refreshTaskQueries(queryClient, { clusterIds, taskIds: [] }));
    const changedTasks = batchKeys(TASK_REFRESH_MS, (taskIds) => refreshTaskQueries(queryClient, { clusterIds: [], taskIds }));
    const reloadEverything = () => {
      void queryClient.invalidateQueries({ queryKey: clusterKeys.all });
      void queryClient.invalidateQueries({ queryKey: taskKeys.details() });
    };
    const address = clusterId === undefined ? "/api/events" : `/api/events?cluster_id=${encodeURIComponent(clusterId)}`;
    const open = () => {
      source = new EventSource(address);
      source.addEventListener("open", () => setStream("open"));
      source.addEventListener("error", () => {
        setStream("down");
        if (source.readyState === EventSource.CLOSED) reopen = setTimeout(open, REOPEN_MS);
      });
      source.addEventListener("ready", (event) => {
        // A resumed stream replays what was missed; a fresh one cannot, so reload what is shown.
        if (!(JSON.parse(event.data) as { resumed: boolean }).resumed) reloadEverything();
      });
      source.addEventListener("reset", reloadEverything);
      source.addEventListener("cluster", (event) => {
        const cluster = JSON.parse(event.data) as ClusterView;
        queryClient.setQueryData<ClusterView>(clusterKeys.detail(cluster.id), (cached) => newerClusterView(cached, cluster));
        invalidateClusterQueries(queryClient, cluster.id);
      });
      source.addEventListener("task", (event) => {
        const task = JSON.parse(event.data) as TaskView;
        changedClusters.add(task.cluster_id);
        changedTasks.add(task.id);
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
      changedClusters.cancel();
      changedTasks.cancel();
      source.close();
    };
  }, [queryClient, clusterId]);

  if (reachability === "offline") return "offline";
  if (stream === "down" || reachability === "unreachable") return "reconnecting";
  return stream === "open" ? "live" : "connecting";
}
