"use client";
// One cluster: the header with status, health, task counts, blueprint revision and times; then two
// tabs kept in the address (`?tab=tasks`): the overview (manual scaling and the autoscaler, its
// metrics as charts, its hierarchy as a graph, its agents as a table) and its tasks. Loaded data
// stays on screen when a later refresh fails; a cluster deleted elsewhere keeps its header, marked
// deleted, with every action disabled and nothing polling.
import Link from "next/link";
import { Fact } from "@/components/ui/fact";
import { LocalTime } from "@/components/ui/local-time";
import { EmptyPanel, ErrorPanel, LoadingPanel } from "@/components/ui/status-panels";
import { Tabs } from "@/components/ui/tabs";
import { useUrlFilters } from "@/components/ui/use-url-filters";
import { TasksPanel } from "@/components/tasks/tasks-panel";
import { ApiError } from "@/lib/client/api-client";
import { type ClusterDeletion, useCluster, useClusterDeletion } from "@/lib/client/cluster-hooks";
import { useHasRole } from "@/components/shell/current-user";
import type { ClusterView } from "@/lib/cluster/api-schema";
import { ActivityTimeline } from "./activity-timeline";
import { AgentTable } from "./agent-table";
import { AutoscalerPanel } from "./autoscaler-panel";
import { ClusterActions } from "./cluster-actions";
import { BlueprintRevision, ClusterStatusBadge, HealthScore, TaskCounts } from "./cluster-badges";
import { ClusterHierarchySection } from "./cluster-hierarchy-section";
import { MetricsCharts } from "./metrics-charts";
import { ScalingPanel } from "./scaling-panel";

export function ClusterDetails({ id }: { id: string }) {
  const cluster = useCluster(id);
  const deletion = useClusterDeletion(id);
  const canOperate = useHasRole("operator");
  if (cluster.data === undefined) {
    if (cluster.isPending && deletion === undefined) return <LoadingPanel label="Loading the cluster…" />;
    if (deletion !== undefined || (cluster.error instanceof ApiError && cluster.error.status === 404)) {
      return (
        <EmptyPanel title={`There is no cluster "${id}"`}>
          It may have been deleted.{" "}
          <Link href="/clusters" className="font-medium text-brand underline">
            Back to the clusters
          </Link>
        </EmptyPanel>
      );
    }
    return (
      <ErrorPanel
        title="The cluster could not be loaded"
        error={cluster.error ?? new Error("no answer yet")}
        onRetry={() => void cluster.refetch()}
      />
    );
  }

  const data = cluster.data;
  const isGone = deletion !== undefined;
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
          {isGone ? (
            <span data-testid="cluster-status" className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800">
              deleted
            </span>
          ) : (
            <>
              <ClusterStatusBadge status={data.status} />
              <HealthScore score={data.health_score} status={data.status} />
            </>
          )}
          <div className="ml-auto">
            {canOperate ? (
              <ClusterActions cluster={data} unavailable={isGone ? "The cluster was deleted." : undefined} />
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
          <Fact term="Tasks">
            <TaskCounts tasks={data.tasks} />
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
        {isGone ? <DeletedNotice deletion={deletion} /> : null}
      </header>
      {isGone ? null : <ClusterPanels cluster={data} />}
    </article>
  );
}

function DeletedNotice({ deletion }: { deletion: ClusterDeletion }) {
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
      <p className="font-medium">
        This cluster was deleted{deletion.deletedBy ? ` by ${deletion.deletedBy}` : ""}. What you see is how it was last seen; nothing here
        can change it any more.
      </p>
      <Link href="/clusters" className="font-medium underline">
        Back to the clusters
      </Link>
    </div>
  );
}

const CLUSTER_TABS = [
  { value: "overview", label: "Overview" },
  { value: "tasks", label: "Tasks" },
] as const;

/** Everything below the header, polled and live while the cluster exists; only the chosen tab's queries run. */
function ClusterPanels({ cluster }: { cluster: ClusterView }) {
  const [{ tab }, setAddress] = useUrlFilters(["tab"]);
  const shown = tab === "tasks" ? "tasks" : "overview";
  return (
    <Tabs
      label={`${cluster.name} sections`}
      options={CLUSTER_TABS}
      value={shown}
      onChange={(next) => setAddress({ tab: next === "overview" ? "" : next })}
    >
      {shown === "tasks" ? <TasksPanel cluster={cluster} /> : <ClusterOverview cluster={cluster} />}
    </Tabs>
  );
}

function ClusterOverview({ cluster: data }: { cluster: ClusterView }) {
  return (
    <>
      <ScalingPanel cluster={data} />
      <ClusterHierarchySection clusterId={data.id} />
      {/* Below the graph: their polled contents change height, and nothing should push the graph around. */}
      <AutoscalerPanel clusterId={data.id} />
      <MetricsCharts clusterId={data.id} createdAt={data.created_at} />
      <div className="grid grid-cols-1 gap-8 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <AgentTable clusterId={data.id} />
        </div>
        <ActivityTimeline clusterId={data.id} />
      </div>
    </>
  );
}
