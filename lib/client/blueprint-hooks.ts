// TanStack Query hooks for the blueprint routes: the UI's only door to blueprint data.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, dataOf, ifMatch, withoutEmpty } from "./api-client";

export interface BlueprintListFilters {
  q?: string;
  tag?: string;
  active_only?: "true";
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

/** A blueprint with its YAML, fetched now (the studio's look at a newer revision on a conflict). */
export function fetchBlueprintWithYaml(id: string) {
  return dataOf(api.GET("/api/blueprints/{id}", { params: { path: { id }, query: { include_yaml: "true" } } }));
}

export function useBlueprints(filters: BlueprintListFilters) {
  return useQuery({
    queryKey: blueprintKeys.list(filters),
    queryFn: () => dataOf(api.GET("/api/blueprints", { params: { query: withoutEmpty({ ...filters, page_size: 20 }) } })),
    placeholderData: keepPreviousData,
  });
}

/** One blueprint with its YAML; nothing is fetched while `id` is undefined. */
export function useBlueprint(id: string | undefined) {
  return useQuery({
    queryKey: blueprintKeys.detail(id ?? ""),
    queryFn: () => fetchBlueprintWithYaml(id!),
    enabled: id !== undefined,
  });
}

export function useBlueprintCheck(yaml: string | undefined) {
  return useQuery({
    queryKey: blueprintKeys.check(yaml ?? ""),
    queryFn: () => dataOf(api.POST("/api/blueprints/validate", { body: { blueprint_yaml: yaml! } })),
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
        ? dataOf(
            api.POST("/api/blueprints", {
              body: { id: draft.metadata.id, name: draft.metadata.name, version: draft.metadata.version, blueprint_yaml: draft.yaml },
            }),
          )
        : dataOf(
            api.PUT("/api/blueprints/{id}", {
              params: { path: { id: existingId }, header: draft.baseRevision === undefined ? {} : ifMatch(draft.baseRevision) },
              body: { blueprint_yaml: draft.yaml },
            }),
          ),
    onSuccess: async (saved) => {
      queryClient.setQueryData(blueprintKeys.detail(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: blueprintKeys.all });
    },
  });
}

export function useRevisions(id: string) {
  return useQuery({
    queryKey: blueprintKeys.revisions(id),
    queryFn: () => dataOf(api.GET("/api/blueprints/{id}/revisions", { params: { path: { id } } })),
  });
}

export function useRevision(id: string, revision: number) {
  return useQuery({
    queryKey: blueprintKeys.revision(id, revision),
    queryFn: () => dataOf(api.GET("/api/blueprints/{id}/revisions/{revision}", { params: { path: { id, revision } } })),
    // A stored revision never changes.
    staleTime: Infinity,
  });
}

/** The old revision's text saved as the newest revision. */
export function useRestoreRevision(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { revision: number; currentRevision: number }) =>
      dataOf(
        api.POST("/api/blueprints/{id}/revisions/{revision}/restore", {
          params: { path: { id, revision: input.revision }, header: ifMatch(input.currentRevision) },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: blueprintKeys.all }),
  });
}
