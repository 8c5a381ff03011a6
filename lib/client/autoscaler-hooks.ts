// TanStack Query hooks for the autoscaler and metrics routes. Their keys sit under the cluster's
// own keys, so invalidateClusterQueries (a live event, a cluster mutation) refreshes them too.
import type { AutoscalerPause } from "@/lib/autoscaler/decide";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import type { AggregatedMetricSeries, MetricName, RawMetricSeries } from "@/lib/metrics/api-schema";
import { api, dataOf } from "./api-client";
import { clusterKeys, useClusterQueryScope } from "./cluster-hooks";
import { refusalMessage } from "./cluster-mutations";
import { type MetricRange, metricRangeQuery, metricRefetchInterval } from "./metric-ranges";

export type { AutoscalerPause } from "@/lib/autoscaler/decide";
/** Raw points for short ranges, per-step aggregates for long ones. */
export type MetricSeries = RawMetricSeries | AggregatedMetricSeries;

/** The minutes of worker history the clusters list shows. */
const WORKER_HISTORY_MINUTES = 60;

export const autoscalerKeys = {
  detail: (id: string) => [...clusterKeys.all, id, "autoscaler"] as const,
  metric: (id: string, name: MetricName, range: MetricRange) => [...clusterKeys.all, id, "metrics", name, range] as const,
  workerHistory: (ids: readonly string[]) => [...clusterKeys.all, "worker-history", ids] as const,
};

export function useAutoscaler(clusterId: string) {
  const scope = useClusterQueryScope(clusterId);
  return useQuery({
    queryKey: autoscalerKeys.detail(clusterId),
    queryFn: () => scope.fetchFrom(() => dataOf(api.GET("/api/clusters/{id}/autoscaler", { params: { path: { id: clusterId } } }))),
    enabled: scope.enabled,
    refetchInterval: 5_000,
  });
}

/** One metric over a range ending now; the range's end moves with every refetch, not with the key. */
export function useClusterMetric(clusterId: string, name: MetricName, range: MetricRange) {
  const scope = useClusterQueryScope(clusterId);
  return useQuery({
    queryKey: autoscalerKeys.metric(clusterId, name, range),
    queryFn: () =>
      scope.fetchFrom(() =>
        dataOf(
          api.GET("/api/clusters/{id}/metrics", {
            params: { path: { id: clusterId }, query: { name, ...metricRangeQuery(range, Date.now()) } },
          }),
        ),
      ),
    enabled: scope.enabled,
    refetchInterval: metricRefetchInterval(range),
    placeholderData: keepPreviousData,
  });
}

/** Active workers per minute over the last hour for the given clusters, in one call. */
export function useWorkerHistory(ids: readonly string[]) {
  return useQuery({
    queryKey: autoscalerKeys.workerHistory(ids),
    queryFn: () =>
      dataOf(api.GET("/api/clusters/worker-history", { params: { query: { ids: ids.join(","), minutes: WORKER_HISTORY_MINUTES } } })),
    enabled: ids.length > 0,
    refetchInterval: 30_000,
  });
}

const PAUSE_CONFIRMATION: Record<AutoscalerPause, string> = {
  none: "The autoscaler is running",
  all: "The autoscaler is paused",
  scale_in: "The autoscaler no longer scales in",
  scale_out: "The autoscaler no longer scales out",
};

/**
 * Sets which directions the autoscaler may scale. Choices run one after another, so moving through
 * the options with the arrow keys ends on the last one chosen; one toast per cluster shows the latest.
 */
export function useSetAutoscalerPause(clusterId: string) {
  const queryClient = useQueryClient();
  const key = autoscalerKeys.detail(clusterId);
  const toastId = `autoscaler-pause-${clusterId}`;
  return useMutation({
    scope: { id: toastId },
    // As the cluster actions: fail at once while offline instead of running unseen later.
    networkMode: "always",
    mutationFn: (pause: AutoscalerPause) =>
      dataOf(api.PUT("/api/clusters/{id}/autoscaler", { params: { path: { id: clusterId } }, body: { pause } })),
    // A poll already under way would bring back the pause from before.
    onMutate: () => queryClient.cancelQueries({ queryKey: key }),
    onError: (error) => {
      toast.error("Could not change the autoscaler's pause", { id: toastId, description: refusalMessage(error) });
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(key, saved);
      toast.success(PAUSE_CONFIRMATION[saved.pause], { id: toastId });
    },
  });
}
