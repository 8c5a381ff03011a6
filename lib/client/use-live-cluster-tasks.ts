"use client";
// A cluster page's own event stream, for its tasks. The server sends task events only to a stream
// that follows one cluster (a busy queue would drown every other tab's cluster events), so the
// page opens one for its cluster while it is shown, beside the tab's stream of every cluster.
// Tasks change in bursts: what they change (task lists and open tasks, the cluster's counts, busy
// agents) is refetched at most once a second, each changed task once.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { TaskView } from "@/lib/tasks/api-schema";
import { batchKeys } from "./batched-keys";
import { refreshTaskQueries } from "./task-hooks";
import { REOPEN_MS } from "./use-live-cluster-updates";

/** The least time between two refetches of what task events change. */
const TASK_REFRESH_MS = 1_000;

export function useLiveClusterTasks(clusterId: string): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    let source: EventSource;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    const changedTasks = batchKeys(TASK_REFRESH_MS, (taskIds) => refreshTaskQueries(queryClient, { clusterIds: [clusterId], taskIds }));
    // A fresh stream cannot replay what was missed: reload the cluster's task queries.
    const reload = () => refreshTaskQueries(queryClient, { clusterIds: [clusterId], taskIds: [] });
    const open = () => {
      source = new EventSource(`/api/events?cluster_id=${encodeURIComponent(clusterId)}`);
      source.addEventListener("error", () => {
        if (source.readyState === EventSource.CLOSED) reopen = setTimeout(open, REOPEN_MS);
      });
      source.addEventListener("ready", (event) => {
        if (!(JSON.parse(event.data) as { resumed: boolean }).resumed) reload();
      });
      source.addEventListener("reset", reload);
      source.addEventListener("task", (event) => changedTasks.add((JSON.parse(event.data) as TaskView).id));
    };
    open();
    return () => {
      clearTimeout(reopen);
      changedTasks.cancel();
      source.close();
    };
  }, [queryClient, clusterId]);
}
