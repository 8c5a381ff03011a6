"use client";
// The clusters list, the console's home: status, type, blueprint and revision, workers, tasks
// queued and running, and health; filtered by status and type, searched by name, paginated, all kept in the address.
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useDeferredValue, useState } from "react";
import { useHasRole } from "@/components/shell/current-user";
import { primaryButtonClass } from "@/components/ui/control-classes";
import { DataTable } from "@/components/ui/data-table";
import { FilterSelect, ResultCount, SearchField } from "@/components/ui/list-filters";
import { Pager } from "@/components/ui/pager";
import { oneOf, pageFrom, useUrlFilters } from "@/components/ui/use-url-filters";
import { EmptyPanel, ErrorPanel, LoadingPanel } from "@/components/ui/status-panels";
import { CLUSTER_TYPES } from "@/lib/blueprint/schema";
import { useWorkerHistory } from "@/lib/client/autoscaler-hooks";
import { useClusters } from "@/lib/client/cluster-hooks";
import { CLUSTER_STATUSES } from "@/lib/cluster/state-machine";
import { BlueprintRevision, ClusterStatusBadge, HealthScore, TaskCounts } from "./cluster-badges";
import { CreateClusterDialog } from "./create-cluster-dialog";
import { fromTimestampedPoints } from "./metric-chart-data";
import { type SparklineHistory, WorkerSparkline } from "./worker-sparkline";

const FILTER_KEYS = ["q", "status", "type", "page"] as const;

export function ClusterList() {
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const status = oneOf(CLUSTER_STATUSES, filters.status);
  const type = oneOf(CLUSTER_TYPES, filters.type);
  const page = pageFrom(filters.page);
  const query = useDeferredValue(filters.q.trim());
  const clusters = useClusters({ q: query || undefined, status: status || undefined, type: type || undefined, page });
  // One call for the whole page's sparklines, not one per row.
  const history = useWorkerHistory(clusters.data?.items.map((cluster) => cluster.id) ?? []);
  const historyOf = (id: string): SparklineHistory => {
    if (history.isError) return "failed";
    if (!history.data) return "loading";
    return fromTimestampedPoints(history.data.series.find((series) => series.cluster_id === id)?.points ?? []);
  };
  const filtered = Boolean(query || status || type);
  const canCreate = useHasRole("operator");
  // `?create=<blueprint id>` (the blueprint page's "Create a cluster") opens the dialog on that blueprint.
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const createFrom = searchParams.get("create");
  const [creating, setCreating] = useState(createFrom !== null);
  const closeCreate = () => {
    setCreating(false);
    if (createFrom === null) return;
    const kept = new URLSearchParams(searchParams);
    kept.delete("create");
    router.replace(kept.size ? `${pathname}?${kept}` : pathname);
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <SearchField
          label="Search clusters"
          value={filters.q}
          placeholder="Search by name or description"
          onChange={(q) => setFilters({ q, page: "" })}
        />
        <FilterSelect
          label="Status"
          value={status}
          options={CLUSTER_STATUSES}
          onChange={(value) => setFilters({ status: value, page: "" })}
        />
        <FilterSelect label="Type" value={type} options={CLUSTER_TYPES} onChange={(value) => setFilters({ type: value, page: "" })} />
        {clusters.data ? <ResultCount total={clusters.data.total} one="cluster" many="clusters" /> : null}
        {canCreate ? (
          <button type="button" className={`ml-auto ${primaryButtonClass}`} onClick={() => setCreating(true)}>
            New cluster
          </button>
        ) : null}
      </div>
      {canCreate ? <CreateClusterDialog open={creating} onClose={closeCreate} initialBlueprintId={createFrom ?? undefined} /> : null}

      {clusters.isPending ? (
        <LoadingPanel label="Loading clusters…" />
      ) : clusters.isError ? (
        <ErrorPanel title="The clusters could not be loaded" error={clusters.error} onRetry={() => void clusters.refetch()} />
      ) : clusters.data.items.length === 0 ? (
        filtered ? (
          <EmptyPanel title="No cluster matches these filters">Clear the search or pick another status or type.</EmptyPanel>
        ) : (
          <EmptyPanel title="No clusters yet">
            Clusters are spawned from blueprints. Pick one in the{" "}
            <Link href="/blueprints" className="font-medium text-brand underline">
              blueprint catalogue
            </Link>{" "}
            to see what it would spawn{canCreate ? "" : "; an operator can then create a cluster from it"}.
            {canCreate ? (
              <div className="mt-4">
                <button type="button" className={primaryButtonClass} onClick={() => setCreating(true)}>
                  Create your first cluster
                </button>
              </div>
            ) : null}
          </EmptyPanel>
        )
      ) : (
        <>
          <DataTable label="Clusters" columns={["Name", "Status", "Type", "Blueprint", "Workers", "Workers, last hour", "Tasks", "Health"]}>
            {clusters.data.items.map((cluster) => (
              <tr key={cluster.id} className="hover:bg-slate-50" data-testid={`cluster-row-${cluster.name}`}>
                <td className="px-4 py-3">
                  <Link
                    href={`/clusters/${encodeURIComponent(cluster.id)}`}
                    className="font-medium text-brand hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-brand"
                  >
                    {cluster.name}
                  </Link>
                  {cluster.description ? <div className="max-w-xs truncate text-xs text-slate-500">{cluster.description}</div> : null}
                </td>
                <td className="px-4 py-3">
                  <ClusterStatusBadge status={cluster.status} />
                </td>
                <td className="px-4 py-3">{cluster.type}</td>
                <td className="px-4 py-3">
                  <BlueprintRevision cluster={cluster} />
                </td>
                <td className="px-4 py-3 tabular-nums" title="current / target workers">
                  {cluster.current_workers} / {cluster.target_workers}
                </td>
                <td className="px-4 py-3">
                  <WorkerSparkline history={historyOf(cluster.id)} />
                </td>
                <td className="px-4 py-3">
                  <TaskCounts tasks={cluster.tasks} />
                </td>
                <td className="px-4 py-3">
                  <HealthScore score={cluster.health_score} status={cluster.status} />
                </td>
              </tr>
            ))}
          </DataTable>
          <Pager
            page={page}
            pageSize={clusters.data.page_size}
            total={clusters.data.total}
            onPage={(next) => setFilters({ page: String(next) })}
          />
        </>
      )}
    </div>
  );
}
