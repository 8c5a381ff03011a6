// What a blueprint page shows until its blueprint is there: loading, "no such blueprint", or the error.
import type { UseQueryResult } from "@tanstack/react-query";
import Link from "next/link";
import { EmptyPanel, ErrorPanel, LoadingPanel } from "@/components/ui/status-panels";
import type { BlueprintDetail } from "@/lib/blueprint/api-schema";
import { ApiError } from "@/lib/client/api-client";

export function BlueprintLoadState({ id, query }: { id: string; query: UseQueryResult<BlueprintDetail> }) {
  if (query.isPending) return <LoadingPanel label="Loading the blueprint…" />;
  if (query.error instanceof ApiError && query.error.status === 404) {
    return (
      <EmptyPanel title={`There is no blueprint "${id}"`}>
        <Link href="/blueprints" className="font-medium text-brand underline">
          Back to the blueprints
        </Link>
      </EmptyPanel>
    );
  }
  return (
    <ErrorPanel
      title="The blueprint could not be loaded"
      error={query.error ?? new Error("unknown error")}
      onRetry={() => void query.refetch()}
    />
  );
}
