// TanStack Query hooks for the cluster routes: the UI's only door to cluster data.
import { keepPreviousData, type QueryClient, useQuery } from "@tanstack/react-query";
import type { Page } from "@/lib/blueprint/api-schema";
import type { ClusterType } from "@/lib/blueprint/schema";
import type { BlueprintCheck } from "@/lib/blueprint/check-blueprint";
import type { AgentView, ClusterActivity, ClusterHierarchy, ClusterView, CreateClusterRequest } from "@/lib/cluster/api-schema";
import type { ClusterStatus } from "@/lib/cluster/state-machine";
import { apiFetch } from "./api-client";

export interface ClusterListFilters {
  q?: string;
  status?: ClusterStatus;
  type?: ClusterType;
  page: number;
}

export interface AgentListFilters {
  role?: string;
  status?: string;
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

function searchOf(filters: Record<string, string | number | undefined>): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== "") search.set(key, String(value));
  return search;
}

export function useClusters(filters: ClusterListFilters) {
  const search = searchOf({ ...filters, page_size: CLUSTER_PAGE_SIZE });
  return useQuery({
    queryKey: clusterKeys.list(filters),
    queryFn: () => apiFetch<Page<ClusterView>>(`/api/clusters?${search}`),
    placeholderData: keepPreviousData,
  });
}

export function useCluster(id: string) {
  return useQuery({ queryKey: clusterKeys.detail(id), queryFn: () => apiFetch<ClusterView>(`/api/clusters/${encodeURIComponent(id)}`) });
}

export function useClusterHierarchy(id: string) {
  return useQuery({ queryKey: clusterKeys.hierarchy(id), queryFn: () => apiFetch<ClusterHierarchy>(`/api/clusters/${encodeURIComponent(id)}/hierarchy`) });
}

export function useClusterAgents(id: string, filters: AgentListFilters) {
  const search = searchOf({ ...filters, page_size: CLUSTER_PAGE_SIZE });
  return useQuery({
    queryKey: clusterKeys.agents(id, filters),
    queryFn: () => apiFetch<Page<AgentView>>(`/api/clusters/${encodeURIComponent(id)}/agents?${search}`),
    placeholderData: keepPreviousData,
  });
}

export function useClusterAgent(id: string, agentId: string) {
  return useQuery({
    queryKey: clusterKeys.agent(id, agentId),
    queryFn: () => apiFetch<AgentView>(`/api/clusters/${encodeURIComponent(id)}/agents/${encodeURIComponent(agentId)}`),
  });
}

export function useClusterActivity(id: string, page: number) {
  return useQuery({
    queryKey: clusterKeys.activity(id, page),
    queryFn: () => apiFetch<Page<ClusterActivity>>(`/api/clusters/${encodeURIComponent(id)}/activity?${searchOf({ page, page_size: CLUSTER_PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });
}

/** The dry run of a create request: the server's own findings and plan, nothing created. */
export function usePreviewCluster(input: CreateClusterRequest | undefined) {
  return useQuery({
    queryKey: clusterKeys.preview(input ?? { blueprint_id: "", name: "" }),
    queryFn: () => apiFetch<BlueprintCheck>("/api/clusters?dry_run=true", { method: "POST", body: JSON.stringify(input) }),
    enabled: input !== undefined,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
