"use client";
// One cluster: the header with status, health, blueprint revision and times; manual scaling and
// the autoscaler; its metrics as charts; its hierarchy as a graph; its agents as a table.
import Link from "next/link";
import { Fact } from "@/components/ui/fact";
import { LocalTime } from "@/components/ui/local-time";
import { EmptyPanel, ErrorPanel, LoadingPanel } from "@/components/ui/status-panels";
import { ApiError } from "@/lib/client/api-client";
import { useCluster } from "@/lib/client/cluster-hooks";
import { useHasRole } from "@/components/shell/current-user";
import { ActivityTimeline } from "./activity-timeline";
import { AgentTable } from "./agent-table";
import { AutoscalerPanel } from "./autoscaler-panel";
import { ClusterActions } from "./cluster-actions";
import { BlueprintRevision, ClusterStatusBadge, HealthScore } from "./cluster-badges";
import { ClusterHierarchySection } from "./cluster-hierarchy-section";
import { MetricsCharts } from "./metrics-charts";
import { ScalingPanel } from "./scaling-panel";

export function ClusterDetails({ id }: { id: string }) {
  const cluster = useCluster(id);
  const canOperate = useHasRole("operator");
  if (cluster.isPending) return <LoadingPanel label="Loading the cluster…" />;
  if (cluster.isError) {
    if (cluster.error instanceof ApiError && cluster.error.status === 404) {
      return (
        <EmptyPanel title={`There is no cluster "${id}"`}>
          It may have been deleted.{" "}
          <Link href="/clusters" className="font-medium text-brand underline">
            Back to the clusters
          </Link>
        </EmptyPanel>
      );
    }
    return <ErrorPanel title="The cluster could not be loaded" error={cluster.error} onRetry={() => void cluster.refetch()} />;
  }

  const data = cluster.data;
  return (
    <article aria-labelledby="cluster-heading" className="space-y-8">
      <header className="space-y-3">
        <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
          <Link href="/clusters" className="hover:underline">
            Clusters
          </Link>{" "}
          / {data.name}
        </nav>
        <div className="flex flex-wrap items-center gap-3">
          <h1 id="cluster-heading" className="text-2xl font-semibold">
            {data.name}
          </h1>
          <ClusterStatusBadge status={data.status} />
          <HealthScore score={data.health_score} status={data.status} />
          <div className="ml-auto">
            {canOperate ? (
              <ClusterActions cluster={data} />
            ) : (
              <p className="text-sm text-slate-600">Read-only: operating clusters needs the operator role.</p>
            )}
          </div>
        </div>
        {data.description ? <p className="text-slate-700">{data.description}</p> : null}
        <dl className="grid gap-x-8 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-3">
          <Fact term="Workers">
            <span data-testid="workers" className="tabular-nums">
              {data.current_workers} current / {data.target_workers} target
            </span>{" "}
            <span className="text-slate-500">
              (limits {data.min_workers} to {data.max_workers})
            </span>
          </Fact>
          <Fact term="Blueprint">
            <Link href={`/blueprints/${encodeURIComponent(data.blueprint_id)}`} className="text-brand hover:underline">
              <BlueprintRevision cluster={data} />
            </Link>
          </Fact>
          <Fact term="Type">{data.type}</Fact>
          <Fact term="Created">
            <LocalTime iso={data.created_at} />
            {data.created_by ? <span className="text-slate-500"> by {data.created_by}</span> : null}
          </Fact>
          <Fact term="Started">{data.started_at ? <LocalTime iso={data.started_at} /> : "not yet"}</Fact>
          <Fact term="Hibernated">
            {data.status === "hibernated" && data.hibernated_at ? <LocalTime iso={data.hibernated_at} /> : "no"}
          </Fact>
        </dl>
      </header>
      <ScalingPanel cluster={data} />
      <ClusterHierarchySection clusterId={data.id} />
      {/* Below the graph: their polled contents change height, and nothing should push the graph around. */}
      <AutoscalerPanel clusterId={data.id} />
      <MetricsCharts clusterId={data.id} />
      <div className="grid grid-cols-1 gap-8 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <AgentTable clusterId={data.id} />
        </div>
        <ActivityTimeline clusterId={data.id} />
      </div>
    </article>
  );
}
