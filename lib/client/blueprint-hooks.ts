// TanStack Query hooks for the blueprint routes: the UI's only door to blueprint data.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { BlueprintDetail, BlueprintSummary, Page, RevisionDetail, RevisionSummary } from "@/lib/blueprint/api-schema";
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
  revisions: (id: string) => [...blueprintKeys.all, "revisions", id] as const,
  revision: (id: string, revision: number) => [...blueprintKeys.all, "revisions", id, revision] as const,
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

/** One blueprint with its YAML; nothing is fetched while `id` is undefined. */
export function useBlueprint(id: string | undefined) {
  return useQuery({
    queryKey: blueprintKeys.detail(id ?? ""),
    queryFn: () => apiFetch<BlueprintDetail>(`/api/blueprints/${encodeURIComponent(id!)}?include_yaml=true`),
    enabled: id !== undefined,
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

/**
 * Creates the blueprint (first save) or stores the text as its next revision. `baseRevision` is
 * the revision the text was edited from: a save after someone else's answers 409.
 */
export function useSaveBlueprint(existingId: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (draft: { yaml: string; baseRevision?: number; metadata: { id: string; name: string; version: string } }) =>
      existingId === undefined
        ? apiFetch<BlueprintDetail>("/api/blueprints", {
            method: "POST",
            body: JSON.stringify({ id: draft.metadata.id, name: draft.metadata.name, version: draft.metadata.version, blueprint_yaml: draft.yaml }),
          })
        : apiFetch<BlueprintDetail>(`/api/blueprints/${encodeURIComponent(existingId)}`, {
            method: "PUT",
            headers: draft.baseRevision === undefined ? {} : { "if-match": `"${draft.baseRevision}"` },
            body: JSON.stringify({ blueprint_yaml: draft.yaml }),
          }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(blueprintKeys.detail(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: blueprintKeys.all });
    },
  });
}

export function useRevisions(id: string) {
  return useQuery({
    queryKey: blueprintKeys.revisions(id),
    queryFn: () => apiFetch<{ items: RevisionSummary[] }>(`/api/blueprints/${encodeURIComponent(id)}/revisions`),
  });
}

export function useRevision(id: string, revision: number) {
  return useQuery({
    queryKey: blueprintKeys.revision(id, revision),
    queryFn: () => apiFetch<RevisionDetail>(`/api/blueprints/${encodeURIComponent(id)}/revisions/${revision}`),
    // A stored revision never changes.
    staleTime: Infinity,
  });
}

/** The old revision's text saved as the newest revision. */
export function useRestoreRevision(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { revision: number; currentRevision: number }) =>
      apiFetch<BlueprintDetail>(`/api/blueprints/${encodeURIComponent(id)}/revisions/${input.revision}/restore`, {
        method: "POST",
        headers: { "if-match": `"${input.currentRevision}"` },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: blueprintKeys.all }),
  });
}
