"use client";
// The clusters list, the console's home: status, type, blueprint and revision, workers and
// health; filtered by status and type, searched by name, paginated.
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useDeferredValue, useState } from "react";
import { useHasRole } from "@/components/shell/current-user";
import { primaryButtonClass } from "@/components/ui/control-classes";
import { DataTable } from "@/components/ui/data-table";
import { Pager } from "@/components/ui/pager";
import { EmptyPanel, ErrorPanel, LoadingPanel } from "@/components/ui/status-panels";
import { CLUSTER_TYPES, type ClusterType } from "@/lib/blueprint/schema";
import { useClusters } from "@/lib/client/cluster-hooks";
import { CLUSTER_STATUSES, type ClusterStatus } from "@/lib/cluster/state-machine";
import { BlueprintRevision, ClusterStatusBadge, HealthScore } from "./cluster-badges";
import { CreateClusterDialog } from "./create-cluster-dialog";

const selectClass = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand focus:outline-none focus-visible:ring-2 focus-visible:ring-brand";

export function ClusterList() {
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<ClusterStatus | "">("");
  const [type, setType] = useState<ClusterType | "">("");
  const [page, setPage] = useState(1);
  const query = useDeferredValue(search.trim());
  const clusters = useClusters({ q: query || undefined, status: status || undefined, type: type || undefined, page });
  const filtered = Boolean(query || status || type);
  const canCreate = useHasRole("operator");
  // `?create=<blueprint id>` (the blueprint page's "Create a cluster") opens the dialog on that blueprint.
  const router = useRouter();
  const pathname = usePathname();
  const createFrom = useSearchParams().get("create");
  const [creating, setCreating] = useState(createFrom !== null);
  const closeCreate = () => {
    setCreating(false);
    if (createFrom !== null) router.replace(pathname);
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <label htmlFor="cluster-search" className="sr-only">
          Search clusters
        </label>
        <input
          id="cluster-search"
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            setPage(1);
          }}
          placeholder="Search by name or description"
          className="w-full max-w-sm rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand focus:outline-none focus:ring-2 focus:ring-brand/30"
        />
        <label className="flex items-center gap-2 text-sm text-slate-700">
          Status
          <select
            className={selectClass}
            value={status}
            onChange={(event) => {
              setStatus(event.target.value as ClusterStatus | "");
              setPage(1);
            }}
          >
            <option value="">any</option>
            {CLUSTER_STATUSES.map((value) => (
              <option key={value}>{value}</option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          Type
          <select
            className={selectClass}
            value={type}
            onChange={(event) => {
              setType(event.target.value as ClusterType | "");
              setPage(1);
            }}
          >
            <option value="">any</option>
            {CLUSTER_TYPES.map((value) => (
              <option key={value}>{value}</option>
            ))}
          </select>
        </label>
        {clusters.data ? (
          <p className="text-sm text-slate-600" aria-live="polite">
            {clusters.data.total} cluster{clusters.data.total === 1 ? "" : "s"}
          </p>
        ) : null}
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
          <DataTable label="Clusters" columns={["Name", "Status", "Type", "Blueprint", "Workers", "Health"]}>
            {clusters.data.items.map((cluster) => (
              <tr key={cluster.id} className="hover:bg-slate-50" data-testid={`cluster-row-${cluster.name}`}>
                <td className="px-4 py-3">
                  <Link href={`/clusters/${encodeURIComponent(cluster.id)}`} className="font-medium text-brand hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-brand">
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
                  <HealthScore score={cluster.health_score} />
                </td>
              </tr>
            ))}
          </DataTable>
          <Pager page={page} pageSize={clusters.data.page_size} total={clusters.data.total} onPage={setPage} />
        </>
      )}
    </div>
  );
}
