// TanStack Query hooks for the cluster routes: the UI's only door to cluster data. Once a cluster is
// known to be gone (its deletion event, or a 404 from one of its routes) every query of its page
// stops: nothing polls a cluster that no longer exists.
import { keepPreviousData, type QueryClient, skipToken, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AgentRole, ClusterType } from "@/lib/blueprint/schema";
import type { AgentStatus, ClusterView, CreateClusterRequest } from "@/lib/cluster/api-schema";
import type { ClusterStatus } from "@/lib/cluster/state-machine";
import { ApiError, api, dataOf, withoutEmpty } from "./api-client";

export interface ClusterListFilters {
  q?: string;
  status?: ClusterStatus;
  type?: ClusterType;
  page: number;
}

export interface AgentListFilters {
  role?: AgentRole;
  status?: AgentStatus;
  page: number;
}

export const CLUSTER_PAGE_SIZE = 20;

export const clusterKeys = {
  all: ["clusters"] as const,
  lists: () => [...clusterKeys.all, "list"] as const,
  list: (filters: ClusterListFilters) => [...clusterKeys.lists(), filters] as const,
  detail: (id: string) => [...clusterKeys.all, "detail", id] as const,
  hierarchy: (id: string) => [...clusterKeys.all, id, "hierarchy"] as const,
  agents: (id: string, filters: AgentListFilters) => [...clusterKeys.all, id, "agents", filters] as const,
  agent: (id: string, agentId: string) => [...clusterKeys.all, id, "agent", agentId] as const,
  activity: (id: string, page: number) => [...clusterKeys.all, id, "activity", page] as const,
  preview: (input: CreateClusterRequest) => [...clusterKeys.all, "preview", input] as const,
  // Outside `all`: invalidating the clusters must not forget that one is gone.
  deletion: (id: string) => ["cluster-deletions", id] as const,
};

/** A cluster this tab learned is gone, and who deleted it when the event stream said. */
export interface ClusterDeletion {
  deletedBy: string | null;
}

/** Records that a cluster is gone and stops whatever of its queries is under way. */
export function markClusterDeleted(queryClient: QueryClient, id: string, deletedBy: string | null): void {
  const known = queryClient.getQueryData<ClusterDeletion>(clusterKeys.deletion(id));
  queryClient.setQueryData<ClusterDeletion>(clusterKeys.deletion(id), { deletedBy: deletedBy ?? known?.deletedBy ?? null });
  void queryClient.cancelQueries({ queryKey: clusterKeys.detail(id) });
  void queryClient.cancelQueries({ queryKey: [...clusterKeys.all, id] });
}

/** Set once the cluster is known to be gone; never fetched, only written by markClusterDeleted. */
export function useClusterDeletion(id: string): ClusterDeletion | undefined {
  return useQuery<ClusterDeletion>({ queryKey: clusterKeys.deletion(id), queryFn: skipToken, staleTime: Infinity, gcTime: Infinity }).data;
}

/**
 * The query options every query of one cluster's page shares: disabled once the cluster is gone,
 * and a 404 from any of its routes marks it gone.
 */
export function useClusterQueryScope(id: string) {
  const queryClient = useQueryClient();
  const isGone = useClusterDeletion(id) !== undefined;
  return {
    enabled: !isGone,
    fetchFrom: async <Data>(fetch: () => Promise<Data>): Promise<Data> => {
      try {
        return await fetch();
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) markClusterDeleted(queryClient, id, null);
        throw error;
      }
    },
  };
}

/** Marks a cluster's lists, hierarchy, agents and activity stale, so whatever is on screen refetches. */
export function invalidateClusterQueries(queryClient: QueryClient, id: string): void {
  void queryClient.invalidateQueries({ queryKey: clusterKeys.lists() });
  void queryClient.invalidateQueries({ queryKey: [...clusterKeys.all, id] });
}

/**
 * Marks stale what a cluster's tasks change without changing the cluster's revision: the counts in
 * its view and the lists, and which agents are busy (hierarchy, agents).
 */
export function invalidateClusterWork(queryClient: QueryClient, id: string): void {
  void queryClient.invalidateQueries({ queryKey: clusterKeys.lists() });
  void queryClient.invalidateQueries({ queryKey: clusterKeys.detail(id) });
  void queryClient.invalidateQueries({ queryKey: clusterKeys.hierarchy(id) });
  void queryClient.invalidateQueries({ queryKey: [...clusterKeys.all, id, "agents"] });
  void queryClient.invalidateQueries({ queryKey: [...clusterKeys.all, id, "agent"] });
}

/**
 * How often the clusters list reloads its task counts: the tab's stream of every cluster carries
 * the clusters' own changes, not their tasks' (a busy queue would drown it), and the counts move
 * without changing a cluster's revision.
 */
const CLUSTER_LIST_REFRESH_MS = 5_000;

export function useClusters(filters: ClusterListFilters) {
  return useQuery({
    queryKey: clusterKeys.list(filters),
    queryFn: () => dataOf(api.GET("/api/clusters", { params: { query: withoutEmpty({ ...filters, page_size: CLUSTER_PAGE_SIZE }) } })),
    placeholderData: keepPreviousData,
    refetchInterval: CLUSTER_LIST_REFRESH_MS,
  });
}

/**
 * Of the view in the cache and one arriving, the one to keep: the arriving one unless the cache
 * already holds a later revision. An answer read just before a change can arrive after the event
 * stream brought that change, and must not take the page back.
 */
export function newerClusterView(cached: ClusterView | undefined, arriving: ClusterView): ClusterView {
  return cached && cached.revision > arriving.revision ? cached : arriving;
}

export function useCluster(id: string) {
  const scope = useClusterQueryScope(id);
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: clusterKeys.detail(id),
    queryFn: async () => {
      const read = await scope.fetchFrom(() => dataOf(api.GET("/api/clusters/{id}", { params: { path: { id } } })));
      return newerClusterView(queryClient.getQueryData<ClusterView>(clusterKeys.detail(id)), read);
    },
    enabled: scope.enabled,
  });
}

export function useClusterHierarchy(id: string) {
  const scope = useClusterQueryScope(id);
  return useQuery({
    queryKey: clusterKeys.hierarchy(id),
    queryFn: () => scope.fetchFrom(() => dataOf(api.GET("/api/clusters/{id}/hierarchy", { params: { path: { id } } }))),
    enabled: scope.enabled,
  });
}

export function useClusterAgents(id: string, filters: AgentListFilters) {
  const scope = useClusterQueryScope(id);
  return useQuery({
    queryKey: clusterKeys.agents(id, filters),
    queryFn: () =>
      scope.fetchFrom(() =>
        dataOf(
          api.GET("/api/clusters/{id}/agents", {
            params: { path: { id }, query: withoutEmpty({ ...filters, page_size: CLUSTER_PAGE_SIZE }) },
          }),
        ),
      ),
    enabled: scope.enabled,
    placeholderData: keepPreviousData,
  });
}

export function useClusterAgent(id: string, agentId: string) {
  // A 404 here may be the agent's alone, so it does not mark the cluster gone.
  const { enabled } = useClusterQueryScope(id);
  return useQuery({
    queryKey: clusterKeys.agent(id, agentId),
    queryFn: () => dataOf(api.GET("/api/clusters/{id}/agents/{agentId}", { params: { path: { id, agentId } } })),
    enabled,
  });
}

export function useClusterActivity(id: string, page: number) {
  const scope = useClusterQueryScope(id);
  return useQuery({
    queryKey: clusterKeys.activity(id, page),
    queryFn: () =>
      scope.fetchFrom(() =>
        dataOf(api.GET("/api/clusters/{id}/activity", { params: { path: { id }, query: { page, page_size: CLUSTER_PAGE_SIZE } } })),
      ),
    enabled: scope.enabled,
    placeholderData: keepPreviousData,
  });
}

/** The dry run of a create request: the server's own findings and plan, nothing created. */
export function usePreviewCluster(input: CreateClusterRequest | undefined) {
  return useQuery({
    queryKey: clusterKeys.preview(input ?? { blueprint_id: "", name: "" }),
    queryFn: async () => {
      const answer = await dataOf(api.POST("/api/clusters", { params: { query: { dry_run: "true" } }, body: input! }));
      // The operation answers a created cluster or, for a dry run, the plan.
      if (!("valid" in answer)) throw new Error("the server created a cluster instead of planning one");
      return answer;
    },
    enabled: input !== undefined,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
