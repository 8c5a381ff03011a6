"use client";
// The studio on a stored blueprint: its current YAML, saved as the next revision.
import Link from "next/link";
import { EmptyPanel, ErrorPanel, LoadingPanel } from "@/components/ui/status-panels";
import { ApiError } from "@/lib/client/api-client";
import { useBlueprint } from "@/lib/client/blueprint-hooks";
import { BlueprintStudio } from "./blueprint-studio";

export function EditBlueprint({ id }: { id: string }) {
  const blueprint = useBlueprint(id);
  if (blueprint.isPending) return <LoadingPanel label="Loading the blueprint…" />;
  if (blueprint.isError) {
    if (blueprint.error instanceof ApiError && blueprint.error.status === 404) {
      return (
        <EmptyPanel title={`There is no blueprint "${id}"`}>
          <Link href="/blueprints" className="font-medium text-brand underline">
            Back to the blueprints
          </Link>
        </EmptyPanel>
      );
    }
    return <ErrorPanel title="The blueprint could not be loaded" error={blueprint.error} onRetry={() => void blueprint.refetch()} />;
  }
  // Keyed by id alone: a refetch that brings a newer revision must not wipe unsaved edits; a stale save shows the conflict instead.
  return <BlueprintStudio key={id} blueprintId={id} baseRevision={blueprint.data.revision} initialText={blueprint.data.blueprint_yaml ?? ""} title={blueprint.data.name} />;
}
