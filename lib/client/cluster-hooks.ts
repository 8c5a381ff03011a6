// TanStack Query hooks for the cluster routes: the UI's only door to cluster data.
import { keepPreviousData, type QueryClient, useQuery } from "@tanstack/react-query";
import type { AgentRole, ClusterType } from "@/lib/blueprint/schema";
import type { AgentStatus, CreateClusterRequest } from "@/lib/cluster/api-schema";
import type { ClusterStatus } from "@/lib/cluster/state-machine";
import { api, dataOf, withoutEmpty } from "./api-client";

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
};

/** Marks a cluster's lists, hierarchy, agents and activity stale, so whatever is on screen refetches. */
export function invalidateClusterQueries(queryClient: QueryClient, id: string): void {
  void queryClient.invalidateQueries({ queryKey: clusterKeys.lists() });
  void queryClient.invalidateQueries({ queryKey: [...clusterKeys.all, id] });
}

export function useClusters(filters: ClusterListFilters) {
  return useQuery({
    queryKey: clusterKeys.list(filters),
    queryFn: () => dataOf(api.GET("/api/clusters", { params: { query: withoutEmpty({ ...filters, page_size: CLUSTER_PAGE_SIZE }) } })),
    placeholderData: keepPreviousData,
  });
}

export function useCluster(id: string) {
  return useQuery({ queryKey: clusterKeys.detail(id), queryFn: () => dataOf(api.GET("/api/clusters/{id}", { params: { path: { id } } })) });
}

export function useClusterHierarchy(id: string) {
  return useQuery({
    queryKey: clusterKeys.hierarchy(id),
    queryFn: () => dataOf(api.GET("/api/clusters/{id}/hierarchy", { params: { path: { id } } })),
  });
}

export function useClusterAgents(id: string, filters: AgentListFilters) {
  return useQuery({
    queryKey: clusterKeys.agents(id, filters),
    queryFn: () =>
      dataOf(
        api.GET("/api/clusters/{id}/agents", {
          params: { path: { id }, query: withoutEmpty({ ...filters, page_size: CLUSTER_PAGE_SIZE }) },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useClusterAgent(id: string, agentId: string) {
  return useQuery({
    queryKey: clusterKeys.agent(id, agentId),
    queryFn: () => dataOf(api.GET("/api/clusters/{id}/agents/{agentId}", { params: { path: { id, agentId } } })),
  });
}

export function useClusterActivity(id: string, page: number) {
  return useQuery({
    queryKey: clusterKeys.activity(id, page),
    queryFn: () =>
      dataOf(api.GET("/api/clusters/{id}/activity", { params: { path: { id }, query: { page, page_size: CLUSTER_PAGE_SIZE } } })),
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
