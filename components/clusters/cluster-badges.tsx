// How a cluster's status, health and blueprint revision read everywhere: words beside the color.
import type { ClusterView } from "@/lib/cluster/api-schema";
import type { ClusterStatus } from "@/lib/cluster/state-machine";

const STATUS_CLASS: Record<ClusterStatus, string> = {
  spawning: "bg-sky-100 text-sky-800",
  active: "bg-emerald-100 text-emerald-800",
  scaling: "bg-amber-100 text-amber-800",
  hibernated: "bg-slate-200 text-slate-700",
  error: "bg-red-100 text-red-800",
  deleting: "bg-red-100 text-red-800",
};

export function ClusterStatusBadge({ status }: { status: ClusterStatus }) {
  return (
    <span
      data-testid="cluster-status"
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_CLASS[status]}`}
    >
      {status === "spawning" || status === "scaling" ? (
        <span className="h-1.5 w-1.5 animate-pulse rounded-full bg-current" aria-hidden />
      ) : null}
      {status}
    </span>
  );
}

/** The health score (0 to 1) as a percentage with a word, so it does not rely on color; a sleeping cluster has none to show. */
export function HealthScore({ score, status }: { score: number; status: ClusterStatus }) {
  if (status === "hibernated") {
    return (
      <span className="text-sm text-slate-500" title="the workers sleep, so there is no health to measure">
        asleep
      </span>
    );
  }
  const percent = Math.round(score * 100);
  const [word, tone] =
    score >= 0.9 ? ["healthy", "text-emerald-700"] : score >= 0.6 ? ["degraded", "text-amber-700"] : ["unhealthy", "text-red-700"];
  return (
    <span className={`text-sm ${tone}`} title={`health score ${score.toFixed(2)}`}>
      {percent}% <span className="text-xs">{word}</span>
    </span>
  );
}

/** `marketing-v1 rev 2`, with a note when the blueprint has a newer revision than the one the cluster came from. */
export function BlueprintRevision({
  cluster,
}: {
  cluster: Pick<ClusterView, "blueprint_id" | "blueprint_version" | "blueprint_revision" | "blueprint_latest_revision">;
}) {
  const newer = cluster.blueprint_latest_revision > cluster.blueprint_revision;
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2">
      <span>
        {cluster.blueprint_id}{" "}
        <span className="font-mono text-xs text-slate-500">
          v{cluster.blueprint_version}, revision {cluster.blueprint_revision}
        </span>
      </span>
      {newer ? (
        <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800" data-testid="newer-revision">
          newer revision {cluster.blueprint_latest_revision} exists
        </span>
      ) : null}
    </span>
  );
}

/** `3 queued · 2 running`, or `none` when the cluster has no work waiting or under way. */
export function TaskCounts({ tasks }: { tasks: ClusterView["tasks"] }) {
  if (tasks.queued === 0 && tasks.running === 0) return <span className="text-slate-500">none</span>;
  return (
    <span className="whitespace-nowrap tabular-nums" data-testid="task-counts">
      <span className={tasks.queued > 0 ? "font-medium text-amber-800" : "text-slate-600"}>{tasks.queued} queued</span>
      <span className="text-slate-400"> · </span>
      <span className={tasks.running > 0 ? "font-medium text-emerald-800" : "text-slate-600"}>{tasks.running} running</span>
    </span>
  );
}
