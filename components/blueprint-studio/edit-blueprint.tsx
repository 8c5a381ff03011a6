"use client";
// The studio on a stored blueprint: its current YAML, saved as the next revision.
import { useBlueprint } from "@/lib/client/blueprint-hooks";
import { BlueprintStudio } from "./blueprint-studio";
import { BlueprintLoadState } from "@/components/blueprint-catalog/blueprint-load-state";

export function EditBlueprint({ id }: { id: string }) {
  const blueprint = useBlueprint(id);
  if (!blueprint.isSuccess) return <BlueprintLoadState id={id} query={blueprint} />;
  // Keyed by id alone: a refetch that brings a newer revision must not wipe unsaved edits; a stale save shows the conflict instead.
  return (
    <BlueprintStudio
      key={id}
      blueprintId={id}
      baseRevision={blueprint.data.revision}
      savedVersion={blueprint.data.version}
      initialText={blueprint.data.blueprint_yaml ?? ""}
      title={blueprint.data.name}
    />
  );
}
