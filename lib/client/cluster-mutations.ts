// Cluster actions as TanStack Query mutations: optimistic in the cache, sent with If-Match so a
// stale page cannot overwrite a newer change, rolled back with a toast that carries the server's
// reason when it refuses, or says in our words that the console could not be reached.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import type { ClusterView, CreateClusterRequest, ScaleAutoscalerChoice, UpdateClusterRequest } from "@/lib/cluster/api-schema";
import { api, dataOf, ifMatch, isStaleRevision, UnreachableError } from "./api-client";
import { clusterKeys, invalidateClusterQueries, newerClusterView } from "./cluster-hooks";

/** The cluster's path parameter and its revision as If-Match: every action below is conditional. */
const onRevisionOf = (cluster: ClusterView) => ({ path: { id: cluster.id }, header: ifMatch(cluster.revision) });

/** Why an action did not happen, in words for the person who asked. */
export function refusalMessage(error: Error): string {
  if (error instanceof UnreachableError) return "Could not reach the console. Nothing changed; try again.";
  if (isStaleRevision(error)) {
    return `${error.message}. Someone changed the cluster first; the page now shows their change.`;
  }
  return error.message;
}

/**
 * A mutation on one cluster whose expected outcome is written to the cache at once and undone if
 * the server says no.
 */
function useClusterMutation<Input>(
  cluster: ClusterView,
  options: {
    action: string;
    send: (input: Input) => Promise<ClusterView | void>;
    expect?: (cluster: ClusterView, input: Input) => ClusterView;
    /** The caller shows the refusal next to its form, so no toast repeats it. */
    refusalShownInline?: boolean;
  },
) {
  const queryClient = useQueryClient();
  const key = clusterKeys.detail(cluster.id);
  return useMutation({
    // Sent even while the browser says it is offline: held back, it would run unseen once the
    // network returns; failing now lets the page say that nothing changed.
    networkMode: "always",
    mutationFn: options.send,
    onMutate: async (input: Input) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<ClusterView>(key);
      if (before && options.expect) queryClient.setQueryData(key, options.expect(before, input));
      return { before };
    },
    onError: (error, _input, context) => {
      // Undoes the expected outcome, but keeps a later change the event stream brought meanwhile.
      const before = context?.before;
      if (before) queryClient.setQueryData<ClusterView>(key, (cached) => newerClusterView(cached, before));
      if (!options.refusalShownInline) toast.error(`Could not ${options.action} "${cluster.name}"`, { description: refusalMessage(error) });
    },
    onSuccess: (saved) => {
      if (saved) queryClient.setQueryData<ClusterView>(key, (cached) => newerClusterView(cached, saved));
    },
    onSettled: () => {
      invalidateClusterQueries(queryClient, cluster.id);
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}

export interface ScaleInput {
  target: number;
  /** "pause": pause the autoscaler with the scale, so it does not change the workers back. */
  autoscaler: ScaleAutoscalerChoice;
}

export function useScaleCluster(cluster: ClusterView) {
  return useClusterMutation<ScaleInput>(cluster, {
    action: "scale",
    send: ({ target, autoscaler }) =>
      dataOf(api.POST("/api/clusters/{id}/scale", { params: onRevisionOf(cluster), body: { target_workers: target, autoscaler } })),
    expect: (current, { target }) => ({
      ...current,
      target_workers: target,
      status: current.current_workers === target ? current.status : "scaling",
    }),
  });
}

export function useHibernateCluster(cluster: ClusterView) {
  return useClusterMutation<void>(cluster, {
    action: "hibernate",
    send: () => dataOf(api.POST("/api/clusters/{id}/hibernate", { params: onRevisionOf(cluster) })),
    expect: (current) => ({ ...current, status: "hibernated", current_workers: 0 }),
  });
}

export function useReactivateCluster(cluster: ClusterView) {
  return useClusterMutation<number | undefined>(cluster, {
    action: "reactivate",
    send: (target) =>
      dataOf(
        api.POST("/api/clusters/{id}/reactivate", {
          params: onRevisionOf(cluster),
          body: target === undefined ? {} : { target_workers: target },
        }),
      ),
    expect: (current, target) => ({ ...current, status: "scaling", target_workers: target ?? current.min_workers }),
  });
}

export function useUpdateCluster(cluster: ClusterView) {
  return useClusterMutation<UpdateClusterRequest>(cluster, {
    action: "update",
    refusalShownInline: true,
    send: (changes) => dataOf(api.PUT("/api/clusters/{id}", { params: onRevisionOf(cluster), body: changes })),
    expect: (current, changes) =>
      ({
        ...current,
        ...changes,
        description: changes.description === undefined ? current.description : changes.description,
      }) as ClusterView,
  });
}

export function useDeleteCluster(cluster: ClusterView) {
  return useClusterMutation<void>(cluster, {
    action: "delete",
    send: () => dataOf(api.DELETE("/api/clusters/{id}", { params: onRevisionOf(cluster) })),
  });
}

export function useCreateCluster() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: CreateClusterRequest) => {
      const answer = await dataOf(api.POST("/api/clusters", { body: input }));
      // The operation answers a created cluster or, for a dry run, the plan.
      if ("valid" in answer) throw new Error("the server planned the cluster instead of creating it");
      return answer;
    },
    onSuccess: (created) => {
      queryClient.setQueryData(clusterKeys.detail(created.id), created);
      void queryClient.invalidateQueries({ queryKey: clusterKeys.lists() });
    },
  });
}
