// TanStack Query hooks for the blueprint routes: the UI's only door to blueprint data.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { BlueprintDetail, BlueprintSummary, Page } from "@/lib/blueprint/api-schema";
import type { BlueprintCheck } from "@/lib/blueprint/check-blueprint";
import { apiFetch } from "./api-client";

export interface BlueprintListFilters {
  q?: string;
  tag?: string;
  page: number;
}

export const blueprintKeys = {
  all: ["blueprints"] as const,
  list: (filters: BlueprintListFilters) => [...blueprintKeys.all, "list", filters] as const,
  detail: (id: string) => [...blueprintKeys.all, "detail", id] as const,
  check: (yaml: string) => [...blueprintKeys.all, "check", yaml] as const,
};

export function useBlueprints(filters: BlueprintListFilters) {
  const search = new URLSearchParams({ page: String(filters.page), page_size: "20" });
  if (filters.q) search.set("q", filters.q);
  if (filters.tag) search.set("tag", filters.tag);
  return useQuery({
    queryKey: blueprintKeys.list(filters),
    queryFn: () => apiFetch<Page<BlueprintSummary>>(`/api/blueprints?${search}`),
    placeholderData: keepPreviousData,
  });
}

export function useBlueprint(id: string) {
  return useQuery({
    queryKey: blueprintKeys.detail(id),
    queryFn: () => apiFetch<BlueprintDetail>(`/api/blueprints/${encodeURIComponent(id)}?include_yaml=true`),
  });
}

export function useBlueprintCheck(yaml: string | undefined) {
  return useQuery({
    queryKey: blueprintKeys.check(yaml ?? ""),
    queryFn: () => apiFetch<BlueprintCheck>("/api/blueprints/validate", { method: "POST", body: JSON.stringify({ blueprint_yaml: yaml }) }),
    enabled: yaml !== undefined,
    staleTime: Infinity,
  });
}
