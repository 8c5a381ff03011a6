// TanStack Query hooks for an admin's catalogue changes: activate or deactivate, and delete.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, dataOf, ifMatch } from "./api-client";
import { blueprintKeys } from "./blueprint-hooks";

/** Offers the blueprint for new clusters again, or stops offering it; a new revision either way. */
export function useSetBlueprintActive(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { active: boolean; currentRevision: number }) =>
      dataOf(
        api.PUT("/api/blueprints/{id}", {
          params: { path: { id }, header: ifMatch(input.currentRevision) },
          body: { is_active: input.active },
        }),
      ),
    onSuccess: async (saved) => {
      queryClient.setQueryData(blueprintKeys.detail(id), saved);
      await queryClient.invalidateQueries({ queryKey: blueprintKeys.all });
    },
  });
}

/** Deletes the blueprint with its revisions; refused (409) while clusters use it. */
export function useDeleteBlueprint(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => dataOf(api.DELETE("/api/blueprints/{id}", { params: { path: { id } } })),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: blueprintKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: blueprintKeys.all });
    },
  });
}
