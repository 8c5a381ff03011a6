"use client";
// The hierarchy graph of the running team, with its loading and error states.
import { HierarchyGraph } from "@/components/cluster-hierarchy/hierarchy-graph";
import { ErrorPanel, LoadingPanel } from "@/components/ui/status-panels";
import { useClusterHierarchy } from "@/lib/client/cluster-hooks";

export function ClusterHierarchySection({ clusterId }: { clusterId: string }) {
  const hierarchy = useClusterHierarchy(clusterId);
  return (
    <section aria-labelledby="hierarchy-heading" className="space-y-3">
      <h2 id="hierarchy-heading" className="text-lg font-semibold">
        Hierarchy{" "}
        {hierarchy.data ? <span className="text-sm font-normal text-slate-600">({hierarchy.data.total_agents} agents)</span> : null}
      </h2>
      {hierarchy.data !== undefined ? (
        // A failed refresh keeps the graph it had.
        <div className="h-[70vh] min-h-[420px] rounded-lg border border-slate-200 bg-white">
          <HierarchyGraph clusterId={clusterId} hierarchy={hierarchy.data} />
        </div>
      ) : hierarchy.isError ? (
        <ErrorPanel title="The hierarchy could not be loaded" error={hierarchy.error} onRetry={() => void hierarchy.refetch()} />
      ) : (
        <LoadingPanel label="Loading the hierarchy…" />
      )}
    </section>
  );
}
