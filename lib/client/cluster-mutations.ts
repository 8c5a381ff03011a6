// Cluster actions as TanStack Query mutations: optimistic in the cache, sent with If-Match so a
// stale page cannot overwrite a newer change, rolled back with a toast that carries the server's
// reason when it refuses.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import type { ClusterView, CreateClusterRequest, UpdateClusterRequest } from "@/lib/cluster/api-schema";
import { apiFetch, isStaleRevision } from "./api-client";
import { clusterKeys, invalidateClusterQueries } from "./cluster-hooks";

const clusterPath = (id: string, action = "") => `/api/clusters/${encodeURIComponent(id)}${action ? `/${action}` : ""}`;
const ifMatch = (cluster: ClusterView) => ({ "if-match": `"${cluster.revision}"` });

function refusalMessage(error: Error): string {
  if (isStaleRevision(error)) {
    return `${error.message}. Someone changed the cluster first; the page now shows their change.`;
  }
  return error.message;
}

/**
 * A mutation on one cluster whose expected outcome is written to the cache at once and undone if
 * the server says no.
 */
function useClusterMutation<Input>(cluster: ClusterView, options: { action: string; send: (input: Input) => Promise<ClusterView | void>; expect?: (cluster: ClusterView, input: Input) => ClusterView }) {
  const queryClient = useQueryClient();
  const key = clusterKeys.detail(cluster.id);
  return useMutation({
    mutationFn: options.send,
    onMutate: async (input: Input) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<ClusterView>(key);
      if (before && options.expect) queryClient.setQueryData(key, options.expect(before, input));
      return { before };
    },
    onError: (error, _input, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
      toast.error(`Could not ${options.action} "${cluster.name}"`, { description: refusalMessage(error) });
    },
    onSuccess: (saved) => {
      if (saved) queryClient.setQueryData(key, saved);
    },
    onSettled: () => {
      invalidateClusterQueries(queryClient, cluster.id);
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}

export function useScaleCluster(cluster: ClusterView) {
  return useClusterMutation<number>(cluster, {
    action: "scale",
    send: (target) => apiFetch<ClusterView>(clusterPath(cluster.id, "scale"), { method: "POST", headers: ifMatch(cluster), body: JSON.stringify({ target_workers: target }) }),
    expect: (current, target) => ({ ...current, target_workers: target, status: current.current_workers === target ? current.status : "scaling" }),
  });
}

export function useHibernateCluster(cluster: ClusterView) {
  return useClusterMutation<void>(cluster, {
    action: "hibernate",
    send: () => apiFetch<ClusterView>(clusterPath(cluster.id, "hibernate"), { method: "POST", headers: ifMatch(cluster) }),
    expect: (current) => ({ ...current, status: "hibernated", current_workers: 0 }),
  });
}

export function useReactivateCluster(cluster: ClusterView) {
  return useClusterMutation<number | undefined>(cluster, {
    action: "reactivate",
    send: (target) =>
      apiFetch<ClusterView>(clusterPath(cluster.id, "reactivate"), { method: "POST", headers: ifMatch(cluster), body: JSON.stringify(target === undefined ? {} : { target_workers: target }) }),
    expect: (current, target) => ({ ...current, status: "scaling", target_workers: target ?? current.min_workers }),
  });
}

export function useUpdateCluster(cluster: ClusterView) {
  return useClusterMutation<UpdateClusterRequest>(cluster, {
    action: "update",
    send: (changes) => apiFetch<ClusterView>(clusterPath(cluster.id), { method: "PUT", headers: ifMatch(cluster), body: JSON.stringify(changes) }),
    expect: (current, changes) => ({ ...current, ...changes, description: changes.description === undefined ? current.description : changes.description }) as ClusterView,
  });
}

export function useDeleteCluster(cluster: ClusterView) {
  return useClusterMutation<void>(cluster, {
    action: "delete",
    send: () => apiFetch<void>(clusterPath(cluster.id), { method: "DELETE", headers: ifMatch(cluster) }),
  });
}

export function useCreateCluster() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateClusterRequest) => apiFetch<ClusterView>("/api/clusters", { method: "POST", body: JSON.stringify(input) }),
    onSuccess: (created) => {
      queryClient.setQueryData(clusterKeys.detail(created.id), created);
      void queryClient.invalidateQueries({ queryKey: clusterKeys.lists() });
    },
  });
}
